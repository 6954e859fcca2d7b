package dev.agentgateway.proxy.policy.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One local bucket, as upstream's {@code localRateLimit[]} entry: {@code maxTokens} capacity,
 * {@code tokensPerFill} added every {@code fillInterval}, counting {@code type}.
 */
public record RateLimitSpec(
    long maxTokens, long tokensPerFill, Duration fillInterval, RateLimitType type) {

  /** Validates the spec; every message names the field. */
  public RateLimitSpec {
    Objects.requireNonNull(fillInterval, "fillInterval");
    Objects.requireNonNull(type, "type");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens: must be at least 1, got " + maxTokens);
    }
    if (tokensPerFill < 1) {
      throw new IllegalArgumentException("tokensPerFill: must be at least 1, got " + tokensPerFill);
    }
    if (fillInterval.isNegative() || fillInterval.isZero()) {
      throw new IllegalArgumentException("fillInterval: must be positive, got " + fillInterval);
    }
  }
}
