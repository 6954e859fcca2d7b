package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitGate;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import dev.agentgateway.proxy.state.ProxyState;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled policies for every route of the current state. The first request that sees a new state
 * compiles all its routes once; later requests do one identity lookup.
 */
public final class PolicyCache {
  // A route lives on one bind, served by one handler: its buckets are this cache's alone, and
  // survive reloads that keep the route's limits.
  private final RateLimiters limiters = new RateLimiters(System::nanoTime);
  private volatile Snapshot snapshot = new Snapshot(null, new IdentityHashMap<>());
  private final LazyCelEngine cel;

  /** A cache with its own CEL engine, built only if a route has CEL rules. */
  public PolicyCache() {
    this(new LazyCelEngine());
  }

  /** A cache compiling CEL rules with the process's {@code cel}. */
  public PolicyCache(LazyCelEngine cel) {
    this.cel = cel;
  }

  /** Routes that are not in the state's route list (e.g. synthesized by a route table). */
  private final Map<Route, CompiledPolicies> strays = new ConcurrentHashMap<>();

  /** The compiled policies of {@code route}, which was selected from {@code state}. */
  public CompiledPolicies forRoute(ProxyState state, Route route) {
    Snapshot current = snapshot;
    if (current.state != state) {
      if (current.state != null && state.version() < current.state.version()) {
        // A request that started before a reload keeps its older state; do not flip back to it.
        return stray(route);
      }
      current = compile(state);
    }
    CompiledPolicies policies = current.byRoute.get(route);
    return policies == null ? stray(route) : policies;
  }

  private CompiledPolicies stray(Route route) {
    return strays.computeIfAbsent(route, r -> CompiledPolicies.compile(r.policies(), null, cel));
  }

  private Snapshot compile(ProxyState state) {
    Map<Route, CompiledPolicies> byRoute = new IdentityHashMap<>();
    Set<String> limited = new HashSet<>();
    for (Route route : state.config().routes()) {
      RoutePolicies p = route.policies();
      // LLM routes charge tokens against their own buckets in the LLM gateway.
      RateLimitGate gate =
          p == null || servesAi(route)
              ? null
              : RateLimitGate.compile(route.key(), p.localRateLimit(), limiters);
      if (gate != null) {
        limited.add(RateLimitGate.key(route.key()).policy());
      }
      byRoute.put(route, CompiledPolicies.compile(p, gate, cel));
    }
    limiters.retain(limited);
    Snapshot next = new Snapshot(state, byRoute);
    // Racing requests may each compile; any result is correct and the last one stays.
    snapshot = next;
    strays.clear();
    return next;
  }

  private static boolean servesAi(Route route) {
    return route.backends().stream().anyMatch(b -> b.backend() instanceof Backend.Ai);
  }

  private record Snapshot(ProxyState state, Map<Route, CompiledPolicies> byRoute) {}
}
