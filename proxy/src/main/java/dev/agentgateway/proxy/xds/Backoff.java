package dev.agentgateway.proxy.xds;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th wait is uniform in [0, min(max, base * 2^n)), so
 * many proxies losing the controller together do not reconnect in lockstep.
 */
final class Backoff {
  private final long baseNanos;
  private final long maxNanos;
  private int attempt;

  Backoff(Duration base, Duration max) {
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
  }

  /** The next wait; each call doubles the ceiling up to the maximum. */
  Duration next() {
    long ceiling = attempt >= 30 ? maxNanos : Math.min(maxNanos, baseNanos << attempt);
    attempt++;
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(Math.max(1, ceiling)));
  }

  /** Starts over after a stream that worked. */
  void reset() {
    attempt = 0;
  }
}
