package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Route policy {@code localRateLimit}: token buckets local to this proxy; every one must admit a
 * request.
 *
 * @param limits the buckets, at least one, in config order
 */
public record LocalRateLimitPolicy(List<Limit> limits) {
  public LocalRateLimitPolicy {
    limits = List.copyOf(limits);
    if (limits.isEmpty()) {
      throw new IllegalArgumentException("localRateLimit needs at least one limit");
    }
  }

  /**
   * One bucket.
   *
   * @param maxTokens capacity, at least 1
   * @param tokensPerFill tokens added every {@code fillInterval}, at least 1
   * @param fillInterval how often the bucket is refilled, positive
   * @param type what the bucket counts
   */
  public record Limit(long maxTokens, long tokensPerFill, Duration fillInterval, Type type) {
    public Limit {
      Objects.requireNonNull(fillInterval, "fillInterval");
      Objects.requireNonNull(type, "type");
      if (maxTokens < 1) {
        throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
      }
      if (tokensPerFill < 1) {
        throw new IllegalArgumentException(
            "tokensPerFill must be at least 1, got " + tokensPerFill);
      }
      if (fillInterval.isNegative() || fillInterval.isZero()) {
        throw new IllegalArgumentException("fillInterval must be positive, got " + fillInterval);
      }
    }
  }

  /** What a bucket counts: one per request, or the LLM tokens a request used. */
  public enum Type {
    REQUESTS,
    TOKENS
  }
}
