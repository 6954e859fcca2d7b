package dev.agentgateway.proxy.mcp.upstream.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateCapTest {
  private final AtomicLong now = new AtomicLong();

  private int acquired(RateCap cap, int attempts) {
    int n = 0;
    for (int i = 0; i < attempts; i++) {
      if (cap.tryAcquire()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void allowsABurstThenTheSteadyRate() {
    RateCap cap = new RateCap(5, 10, now::get);
    assertEquals(5, acquired(cap, 100));
    now.addAndGet(1_000_000_000L); // one second: ten more tokens, capped at the burst
    assertEquals(5, acquired(cap, 100));
    now.addAndGet(300_000_000L);
    assertEquals(3, acquired(cap, 100));
  }
}
