package dev.agentgateway.proxy.policy.ratelimit;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * One {@code localRateLimit} policy: every bucket must admit a request. Requests buckets take one
 * per request; tokens buckets admit while any token is left and are charged the real usage by
 * {@link #amend} once the response has reported it.
 */
public final class LocalRateLimiter {
  private final List<RateLimitSpec> specs;
  private final TokenBucket[] buckets;

  /** Full buckets for {@code specs}, on the clock {@code nanoTime}. */
  public LocalRateLimiter(List<RateLimitSpec> specs, LongSupplier nanoTime) {
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("localRateLimit: at least one limit is required");
    }
    this.specs = List.copyOf(specs);
    this.buckets = new TokenBucket[this.specs.size()];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new TokenBucket(this.specs.get(i), nanoTime);
    }
  }

  /** The specs, in config order. */
  public List<RateLimitSpec> specs() {
    return specs;
  }

  /** Checks a request with no up-front token estimate. */
  public RateLimitDecision check() {
    return check(0);
  }

  /**
   * Checks a request and takes what it costs from every bucket when all admit. When one refuses,
   * what earlier buckets took is returned, so a refused request costs nothing.
   *
   * @param estimatedTokens an up-front prompt-token estimate for tokens buckets (0 when unknown);
   *     when positive, a tokens bucket needs that many left and takes them now, and {@link #amend}
   *     later charges only the difference
   * @return the most restrictive bucket's decision, for the response headers
   */
  public RateLimitDecision check(long estimatedTokens) {
    RateLimitDecision result = null;
    for (int i = 0; i < buckets.length; i++) {
      TokenBucket bucket = buckets[i];
      RateLimitDecision d =
          bucket.spec().type() == RateLimitType.REQUESTS
              ? bucket.tryTake(1, 1)
              : bucket.tryTake(estimatedTokens, Math.max(1, estimatedTokens));
      if (!d.allowed()) {
        for (int j = 0; j < i; j++) {
          buckets[j].amend(-costOf(buckets[j], estimatedTokens));
        }
        return d;
      }
      result = result == null ? d : result.mostRestrictive(d);
    }
    return result;
  }

  /**
   * Charges tokens buckets for a finished request's real usage. Never drives a bucket below zero.
   *
   * @param actualTokens the tokens the response reported
   * @param estimatedTokens what {@link #check(long)} already took (0 if nothing)
   */
  public void amend(long actualTokens, long estimatedTokens) {
    for (TokenBucket bucket : buckets) {
      if (bucket.spec().type() == RateLimitType.TOKENS) {
        bucket.amend(actualTokens - estimatedTokens);
      }
    }
  }

  private static long costOf(TokenBucket bucket, long estimatedTokens) {
    return bucket.spec().type() == RateLimitType.REQUESTS ? 1 : estimatedTokens;
  }
}
