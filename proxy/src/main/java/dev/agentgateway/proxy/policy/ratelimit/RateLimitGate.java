package dev.agentgateway.proxy.policy.ratelimit;

import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A route's {@code localRateLimit}, compiled: the proxy handler calls {@link #admit} before it
 * forwards, the LLM gateway calls {@link #check(long)} and {@link #amend} around a call so tokens
 * buckets are charged the real usage.
 */
public final class RateLimitGate {
  private static final byte[] REFUSED = "rate limit exceeded".getBytes(StandardCharsets.UTF_8);

  private final LocalRateLimiter limiter;

  private RateLimitGate(LocalRateLimiter limiter) {
    this.limiter = limiter;
  }

  /**
   * The gate of route {@code routeKey}, or {@code null} when it has no {@code localRateLimit}. The
   * buckets live in {@code limiters} under the route's key, so a reload that keeps the route's
   * limits keeps its counts.
   */
  public static RateLimitGate compile(
      String routeKey, LocalRateLimitPolicy policy, RateLimiters limiters) {
    if (policy == null) {
      return null;
    }
    return new RateLimitGate(limiters.limiter(key(routeKey), specs(policy)));
  }

  /** The {@link RateLimiters} key of route {@code routeKey}'s buckets (for {@code retain}). */
  public static RateLimiters.Key key(String routeKey) {
    return RateLimiters.Key.of("route/" + routeKey);
  }

  /** The bucket specs of {@code policy}, in config order. */
  public static List<RateLimitSpec> specs(LocalRateLimitPolicy policy) {
    return policy.limits().stream()
        .map(
            l ->
                new RateLimitSpec(
                    l.maxTokens(),
                    l.tokensPerFill(),
                    l.fillInterval(),
                    l.type() == LocalRateLimitPolicy.Type.TOKENS
                        ? RateLimitType.TOKENS
                        : RateLimitType.REQUESTS))
        .toList();
  }

  /**
   * Admits one request: when refused, answers 429 with the {@code x-ratelimit-*} and {@code
   * retry-after} headers and returns {@code false} (the caller stops); when allowed, puts the
   * {@code x-ratelimit-*} headers on {@code res} and returns {@code true}.
   */
  public boolean admit(ServerResponse res) {
    RateLimitDecision decision = limiter.check();
    setHeaders(res, decision);
    if (decision.allowed()) {
      return true;
    }
    res.status(Status.TOO_MANY_REQUESTS_429);
    res.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
    res.send(REFUSED);
    return false;
  }

  /** Puts a decision's headers on a response. */
  public static void setHeaders(ServerResponse res, RateLimitDecision decision) {
    for (Map.Entry<String, String> h : decision.headers().entrySet()) {
      res.headers().set(HeaderNames.create(h.getKey()), h.getValue());
    }
  }

  /**
   * Checks one request, taking {@code estimatedTokens} from tokens buckets up front (0 when
   * unknown); a refusal takes nothing.
   */
  public RateLimitDecision check(long estimatedTokens) {
    return limiter.check(estimatedTokens);
  }

  /** Charges tokens buckets a finished request's real usage, less what {@link #check} took. */
  public void amend(long actualTokens, long estimatedTokens) {
    limiter.amend(actualTokens, estimatedTokens);
  }
}
