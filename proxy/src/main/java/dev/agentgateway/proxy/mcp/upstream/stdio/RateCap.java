package dev.agentgateway.proxy.mcp.upstream.stdio;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} events at once, refilled at {@code perSecond}. Keeps a chatty
 * child's stderr from flooding the proxy's log. Not thread-safe: one stderr reader owns it.
 */
final class RateCap {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int burst;
  private final long nanosPerToken;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  RateCap(int burst, int perSecond, LongSupplier nanoTime) {
    if (burst <= 0 || perSecond <= 0) {
      throw new IllegalArgumentException("burst and rate must be positive");
    }
    this.burst = burst;
    this.nanosPerToken = NANOS_PER_SECOND / perSecond;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** Takes one token if there is one. */
  boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (double) (now - last) / nanosPerToken);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
