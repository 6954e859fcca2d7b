package dev.agentgateway.proxy.llm.policy;

import dev.agentgateway.model.ir.Route;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compiled {@link LlmRoutePolicies} per route, compiled on a route's first request and dropped with
 * the config that held it (weak keys). Routes without LLM policies cost one null check.
 */
public final class LlmPolicyCache {
  private final Map<Route, LlmRoutePolicies> compiled = new WeakHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final HttpClient http;
  private final RateLimiters limiters;

  /**
   * @param http the client webhook guards call out with
   * @param limiters the process's live rate-limit buckets
   */
  public LlmPolicyCache(HttpClient http, RateLimiters limiters) {
    this.http = http;
    this.limiters = limiters;
  }

  /** The compiled policies of {@code route}. */
  public LlmRoutePolicies forRoute(Route route) {
    if (route.policies().ai() == null && route.policies().localRateLimit() == null) {
      return LlmRoutePolicies.NONE;
    }
    lock.lock();
    try {
      return compiled.computeIfAbsent(
          route, r -> LlmRoutePolicies.compile(r.key(), r.policies(), http, limiters));
    } finally {
      lock.unlock();
    }
  }
}
