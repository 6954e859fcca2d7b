package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * Passive health of a backend's endpoints (upstream's {@code health}): which responses count as
 * unhealthy, and when an endpoint is evicted from load balancing.
 *
 * @param unhealthyCondition CEL on the response that is true when it is unhealthy, or {@code null}
 *     for upstream's default (a 5xx response or a connection failure)
 * @param eviction when and for how long an unhealthy endpoint is evicted, or {@code null} for never
 */
public record HealthPolicy(String unhealthyCondition, Eviction eviction) {
  public HealthPolicy {
    if (unhealthyCondition != null && unhealthyCondition.isBlank()) {
      throw new IllegalArgumentException("unhealthyCondition is blank");
    }
  }

  /**
   * Eviction of an unhealthy endpoint. With neither {@code consecutiveFailures} nor {@code
   * healthThreshold} a single unhealthy response evicts; with both, either does.
   *
   * @param duration the base eviction time, multiplied by the times the endpoint was evicted in a
   *     row (a healthy response resets the count)
   * @param consecutiveFailures unhealthy responses in a row that evict, or {@code null}
   * @param healthThreshold evicts when the endpoint's health (an EWMA from 0 to 1) falls below it
   *     after an unhealthy response, or {@code null}
   * @param restoreHealth the health an endpoint returns with, or {@code null} to keep its own
   */
  public record Eviction(
      Duration duration,
      Integer consecutiveFailures,
      Double healthThreshold,
      Double restoreHealth) {
    /** Upstream's default eviction time. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(3);

    public Eviction {
      if (duration == null) {
        duration = DEFAULT_DURATION;
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration must be positive");
      }
      if (consecutiveFailures != null && consecutiveFailures < 0) {
        throw new IllegalArgumentException("consecutiveFailures must not be negative");
      }
      requireFraction("healthThreshold", healthThreshold);
      requireFraction("restoreHealth", restoreHealth);
    }

    private static void requireFraction(String field, Double value) {
      if (value != null && !(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(field + " must be between 0 and 1");
      }
    }
  }
}
