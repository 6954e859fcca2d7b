package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitGate;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import dev.agentgateway.proxy.state.ProxyState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
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
  private final LazyCelEngine cel;
  private volatile Snapshot snapshot = new Snapshot(null, new IdentityHashMap<>(), Map.of());
  private final PolicyClients clients;

  /** Routes that are not in the state's route list (e.g. synthesized by a route table). */
  private final Map<Route, CompiledPolicies> strays = new ConcurrentHashMap<>();

  /** A cache with clients of its own (tests); the proxy shares one {@link PolicyClients}. */
  public PolicyCache() {
    this(new PolicyClients(new LazyCelEngine()));
  }

  /** A cache whose policies call services (ext_authz, rate limit) with {@code clients}. */
  public PolicyCache(PolicyClients clients) {
    this.clients = clients;
    this.cel = clients.cel();
  }

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

  /**
   * The compiled gateway-phase policies of {@code listener} of {@code state}, or {@code null} when
   * none reaches it (or {@code state} is older than the compiled one: a request that started before
   * a reload keeps no gateway-phase policies it cannot see compiled).
   */
  public CompiledPolicies forListener(ProxyState state, Listener listener) {
    Snapshot current = snapshot;
    if (current.state != state) {
      if (current.state != null && state.version() < current.state.version()) {
        RoutePolicies p = PolicyAttachment.gatewayPhase(state.config().policies(), listener);
        return p == null
            ? null
            : CompiledPolicies.compile(p, null, clients, FrontendHttp.DEFAULT_MAX_BUFFER_SIZE);
      }
      current = compile(state);
    }
    return current.byListener.get(listener.key());
  }

  private CompiledPolicies stray(Route route) {
    return strays.computeIfAbsent(
        route,
        r ->
            CompiledPolicies.compile(
                r.policies(), null, clients, FrontendHttp.DEFAULT_MAX_BUFFER_SIZE));
  }

  private Snapshot compile(ProxyState state) {
    Map<Route, CompiledPolicies> byRoute = new IdentityHashMap<>();
    Set<String> limited = new HashSet<>();
    Set<Backend> called = new HashSet<>();
    List<JwtAuthPolicy> jwt = new ArrayList<>();
    // The merged routes, not the config's: route selection hands out these very objects.
    for (Route route : state.routes()) {
      RoutePolicies p = route.policies();
      if (p != null && p.jwtAuth() != null) {
        jwt.add(p.jwtAuth());
      }
      // LLM routes charge tokens against their own buckets in the LLM gateway.
      RateLimitGate gate =
          p == null || servesAi(route)
              ? null
              : RateLimitGate.compile(route.key(), p.localRateLimit(), limiters);
      if (gate != null) {
        limited.add(RateLimitGate.key(route.key()).policy());
      }
      byRoute.put(
          route,
          CompiledPolicies.compile(
              p, gate, clients, state.config().frontendHttp().maxBufferSize()));
      if (p != null && p.extAuthz() != null) {
        called.add(p.extAuthz().target());
      }
      if (p != null && p.remoteRateLimit() != null) {
        called.add(p.remoteRateLimit().target());
      }
    }
    for (Policy policy : state.config().policies()) {
      if (policy.policy().jwtAuth() != null) {
        jwt.add(policy.policy().jwtAuth());
      }
      if (policy.policy().extAuthz() != null) {
        called.add(policy.policy().extAuthz().target());
      }
      if (policy.policy().remoteRateLimit() != null) {
        called.add(policy.policy().remoteRateLimit().target());
      }
    }
    Map<String, CompiledPolicies> byListener = new HashMap<>();
    for (Listener listener : state.config().listeners()) {
      RoutePolicies p = PolicyAttachment.gatewayPhase(state.config().policies(), listener);
      if (p != null) {
        String key = "listener:" + listener.key();
        RateLimitGate gate = RateLimitGate.compile(key, p.localRateLimit(), limiters);
        if (gate != null) {
          limited.add(RateLimitGate.key(key).policy());
        }
        byListener.put(
            listener.key(),
            CompiledPolicies.compile(
                p, gate, clients, state.config().frontendHttp().maxBufferSize()));
      }
    }
    limiters.retain(limited);
    // Every handler compiles the whole config, so each sees every target still in use.
    clients.retain(called);
    clients.retainJwks(jwt);
    Snapshot next = new Snapshot(state, byRoute, byListener);
    // Racing requests may each compile; any result is correct and the last one stays.
    snapshot = next;
    strays.clear();
    return next;
  }

  private static boolean servesAi(Route route) {
    return route.backends().stream().anyMatch(b -> b.backend() instanceof Backend.Ai);
  }

  private record Snapshot(
      ProxyState state,
      Map<Route, CompiledPolicies> byRoute,
      Map<String, CompiledPolicies> byListener) {}
}
