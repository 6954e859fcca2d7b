package dev.agentgateway.proxy.policy.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one rate-limit check and what its response headers need.
 *
 * @param allowed whether the request may proceed
 * @param limit the bucket's capacity ({@code maxTokens})
 * @param remaining tokens left after this request's take
 * @param resetNanos time until the next fill adds tokens; 0 when the bucket is full
 * @param retryAfterNanos when refused, time until enough tokens are back; 0 when allowed
 */
public record RateLimitDecision(
    boolean allowed, long limit, long remaining, long resetNanos, long retryAfterNanos) {

  /** Header names: upstream's {@code x-ratelimit-*} trio, plus {@code retry-after} on a 429. */
  public static final String LIMIT = "x-ratelimit-limit";

  /** See {@link #LIMIT}. */
  public static final String REMAINING = "x-ratelimit-remaining";

  /** See {@link #LIMIT}. */
  public static final String RESET = "x-ratelimit-reset";

  /** See {@link #LIMIT}. */
  public static final String RETRY_AFTER = "retry-after";

  /**
   * The response headers: limit, remaining, and reset in whole seconds (rounded up, as clients that
   * wait exactly that long must find the token back), plus {@code retry-after} when refused.
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(LIMIT, Long.toString(limit));
    headers.put(REMAINING, Long.toString(remaining));
    headers.put(RESET, Long.toString(ceilSeconds(resetNanos)));
    if (!allowed) {
      headers.put(RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(retryAfterNanos))));
    }
    return headers;
  }

  /** The more restrictive of two decisions (refused beats allowed, then fewer tokens left). */
  public RateLimitDecision mostRestrictive(RateLimitDecision other) {
    if (allowed != other.allowed) {
      return allowed ? other : this;
    }
    if (!allowed) {
      return retryAfterNanos >= other.retryAfterNanos ? this : other;
    }
    return remaining <= other.remaining ? this : other;
  }

  private static long ceilSeconds(long nanos) {
    return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
