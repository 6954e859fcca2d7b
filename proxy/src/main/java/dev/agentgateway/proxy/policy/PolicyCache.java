package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.Route;
import dev.agentgateway.proxy.state.ProxyState;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled policies for every route of the current state. The first request that sees a new state
 * compiles all its routes once; later requests do one identity lookup.
 */
public final class PolicyCache {
  private volatile Snapshot snapshot = new Snapshot(null, new IdentityHashMap<>());

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
    return strays.computeIfAbsent(route, r -> CompiledPolicies.compile(r.policies()));
  }

  private Snapshot compile(ProxyState state) {
    Map<Route, CompiledPolicies> byRoute = new IdentityHashMap<>();
    for (Route route : state.config().routes()) {
      byRoute.put(route, CompiledPolicies.compile(route.policies()));
    }
    Snapshot next = new Snapshot(state, byRoute);
    // Racing requests may each compile; any result is correct and the last one stays.
    snapshot = next;
    strays.clear();
    return next;
  }

  private record Snapshot(ProxyState state, Map<Route, CompiledPolicies> byRoute) {}
}
