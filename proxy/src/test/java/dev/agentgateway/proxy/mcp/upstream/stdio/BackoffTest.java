package dev.agentgateway.proxy.mcp.upstream.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration ZERO = Duration.ZERO;

  @Test
  void doublesUpToTheMaximumWhileTheChildKeepsCrashing() {
    Backoff b = Backoff.standard();
    long[] expected = {100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000};
    for (long millis : expected) {
      assertEquals(Duration.ofMillis(millis), b.next(ZERO));
    }
  }

  @Test
  void startsOverAfterAChildStayedUpLongEnough() {
    Backoff b = Backoff.standard();
    b.next(ZERO);
    b.next(ZERO);
    assertEquals(Duration.ofMillis(400), b.next(Duration.ofSeconds(59)));
    assertEquals(Duration.ofMillis(100), b.next(Duration.ofSeconds(60)));
    assertEquals(Duration.ofMillis(200), b.next(ZERO));
  }

  @Test
  void refusesAMaximumBelowTheInitialDelay() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }
}
