package dev.agentgateway.proxy.llm.failover;

import java.time.Duration;
import java.util.Objects;

/**
 * When and for how long a failing provider is taken out of rotation, after upstream's {@code
 * health.eviction}: after {@code consecutiveFailures} failures in a row it is out for {@code
 * duration}, doubled for each eviction since its last success and capped at {@code maxDuration}; a
 * provider's own {@code Retry-After} (or rate-limit reset) replaces that, within the same cap. It
 * comes back with health {@code restoreHealth}.
 */
public record Eviction(
    Duration duration, Duration maxDuration, int consecutiveFailures, double restoreHealth) {
  /** 10 s, at most 5 min, on the first failure, back at half health. */
  public static final Eviction DEFAULT =
      new Eviction(Duration.ofSeconds(10), Duration.ofMinutes(5), 1, 0.5);

  /** Validates; every message names the field. */
  public Eviction {
    Objects.requireNonNull(duration, "eviction.duration");
    Objects.requireNonNull(maxDuration, "eviction.maxDuration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("eviction.duration: must be positive");
    }
    if (maxDuration.compareTo(duration) < 0) {
      throw new IllegalArgumentException("eviction.maxDuration: must be at least duration");
    }
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException("eviction.consecutiveFailures: must be at least 1");
    }
    if (!(restoreHealth > 0 && restoreHealth <= 1)) {
      throw new IllegalArgumentException("eviction.restoreHealth: must be in (0, 1]");
    }
  }
}
