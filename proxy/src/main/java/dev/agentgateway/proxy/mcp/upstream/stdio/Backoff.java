package dev.agentgateway.proxy.mcp.upstream.stdio;

import java.time.Duration;

/**
 * Restart delays for a crashing child: doubling from {@code initial} to {@code max}, back to {@code
 * initial} once a child has stayed up for {@code stable}, so one crash a day restarts fast while a
 * crash loop settles at one attempt per {@code max}. Not thread-safe: one supervisor owns it.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final Duration stable;
  private Duration current;

  Backoff(Duration initial, Duration max, Duration stable) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    this.initial = initial;
    this.max = max;
    this.stable = stable;
    this.current = initial;
  }

  /** The default: 100 ms doubling to 30 s, reset after 60 s up. */
  static Backoff standard() {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** The delay before the next start, given how long the last child ran (zero if it never ran). */
  Duration next(Duration uptime) {
    if (uptime.compareTo(stable) >= 0) {
      current = initial;
    }
    Duration delay = current;
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }
}
