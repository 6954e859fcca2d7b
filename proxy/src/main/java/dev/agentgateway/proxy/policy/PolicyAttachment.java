package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.UrlRewrite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Folds top-level {@link Policy} objects into the routes they reach, once per config, so request
 * handling sees one {@link RoutePolicies} per route. The merge is field by field and the most
 * specific attachment wins: gateway, listener, route, route rule (a route's own inline policies
 * count as rule level), backend.
 *
 * <p>Targets match IR objects as the controller names them: a gateway {@code <ns>/<name>} (or the
 * empty name: every listener, as in a standalone file) and a listener set or listener by key or key
 * prefix; a route by {@code <namespace>/<name>}, with the rule name as section; a backend by its
 * {@link Backend#name()} (a Service without a port matches each of its ports). A backend policy
 * applies to a route only when it matches every backend of that route, since the route's policies
 * are shared by all of its backends.
 *
 * <p>A policy with {@code Override} inheritance keeps the fields it sets against more specific
 * ones. Gateway-phase policies never reach routes: {@link #gatewayPhase} merges them per listener.
 */
public final class PolicyAttachment {
  private static final Logger LOG = Logger.getLogger(PolicyAttachment.class.getName());
  private static final Merger MERGER = new Merger();

  private PolicyAttachment() {}

  /** The routes with the policies that reach them merged in; the same list when there are none. */
  public static List<Route> apply(
      List<Policy> policies, List<Listener> listeners, List<Route> routes) {
    if (policies.isEmpty()) {
      return routes;
    }
    Map<String, Listener> byKey =
        listeners.stream()
            .collect(Collectors.toMap(Listener::key, Function.identity(), (a, b) -> a));
    List<Route> out = new ArrayList<>(routes.size());
    for (Route route : routes) {
      out.add(attach(policies, byKey.get(route.listenerKey()), route));
    }
    return out;
  }

  /**
   * The gateway-phase policies of {@code listener} merged (gateway < listener, with {@code
   * Override} as for routes), or {@code null} when none reaches it. They run before route
   * selection, so never merge with route-phase ones.
   */
  public static RoutePolicies gatewayPhase(List<Policy> policies, Listener listener) {
    List<Ranked> reaching = new ArrayList<>();
    for (Policy policy : policies) {
      if (policy.phase() == Policy.Phase.GATEWAY) {
        int rank = rank(policy, listener, null);
        if (rank >= 0) {
          reaching.add(new Ranked(rank, policy));
        }
      }
    }
    return reaching.isEmpty() ? null : merge(reaching, null);
  }

  private static Route attach(List<Policy> policies, Listener listener, Route route) {
    List<Ranked> reaching = new ArrayList<>();
    for (Policy policy : policies) {
      int rank = policy.phase() == Policy.Phase.ROUTE ? rank(policy, listener, route) : -1;
      if (rank >= 0) {
        reaching.add(new Ranked(rank, policy));
      }
    }
    if (reaching.isEmpty()) {
      return route;
    }
    RoutePolicies merged = merge(reaching, route.policies());
    return new Route(
        route.key(),
        route.listenerKey(),
        route.name(),
        route.namespace(),
        route.ruleName(),
        route.hostnames(),
        route.matches(),
        merged,
        route.backends(),
        route.order());
  }

  /**
   * Merges {@code reaching} and a route's {@code inline} policies (or null) by precedence; then the
   * {@code Override} ones are laid on top, most specific first, so that the least specific of them
   * has the last word on each field it sets.
   */
  private static RoutePolicies merge(List<Ranked> reaching, RoutePolicies inline) {
    // stable sort: equal ranks keep config order, so the later of two equal policies wins
    reaching.sort(Comparator.comparingInt(Ranked::rank));
    RoutePolicies merged = RoutePolicies.NONE;
    boolean inlineApplied = false;
    for (Ranked r : reaching) {
      if (!inlineApplied && r.rank() > Rank.RULE) {
        merged = MERGER.merge(merged, inline);
        inlineApplied = true;
      }
      merged = MERGER.merge(merged, r.policy().policy());
    }
    if (!inlineApplied) {
      merged = MERGER.merge(merged, inline);
    }
    for (int i = reaching.size() - 1; i >= 0; i--) {
      Policy p = reaching.get(i).policy();
      if (p.inheritance() == Policy.Inheritance.OVERRIDE) {
        merged = MERGER.merge(merged, p.policy());
      }
    }
    return merged;
  }

  /** Merge precedence, least specific first; a route's inline policies sit at {@link #RULE}. */
  private static final class Rank {
    static final int GATEWAY = 0;
    static final int LISTENER = 1;
    static final int ROUTE = 2;
    static final int RULE = 3;
    static final int BACKEND = 4;
  }

  /**
   * The policy's precedence for this route (null: for the listener itself), or -1 when it does not
   * reach it.
   */
  private static int rank(Policy policy, Listener listener, Route route) {
    PolicyTarget t = policy.target();
    return switch (t.kind()) {
      case GATEWAY ->
          listener != null && (t.name().isEmpty() || t.namesListener(listener.key()))
              ? Rank.GATEWAY
              : -1;
      case LISTENER -> listener != null && t.namesListener(listener.key()) ? Rank.LISTENER : -1;
      case ROUTE -> {
        if (route == null || !t.name().equals(route.namespace() + "/" + route.name())) {
          yield -1;
        }
        if (t.section() == null || t.section().isEmpty()) {
          yield Rank.ROUTE;
        }
        yield t.section().equals(route.ruleName()) ? Rank.RULE : -1;
      }
      case BACKEND ->
          route != null && everyBackendMatches(t.name(), policy, route) ? Rank.BACKEND : -1;
    };
  }

  private static boolean everyBackendMatches(String target, Policy policy, Route route) {
    int matched = 0;
    for (RouteBackend rb : route.backends()) {
      if (backendMatches(target, rb.backend())) {
        matched++;
      }
    }
    if (matched > 0 && matched < route.backends().size()) {
      LOG.warning(
          "policy "
              + policy.key()
              + " targets backend "
              + target
              + ", one of several on route "
              + route.key()
              + "; it is not applied there (a route's policies are shared by all its backends)");
    }
    return matched > 0 && matched == route.backends().size();
  }

  private static boolean backendMatches(String target, Backend backend) {
    String name = backend.name();
    if (name.equals(target)) {
      return true;
    }
    return backend instanceof Backend.Service && name.startsWith(target + ":");
  }

  private record Ranked(int rank, Policy policy) {}

  /**
   * Field-level merge over every component of {@link RoutePolicies}: a field set in the more
   * specific policy replaces the other. Reflective so that a new policy field merges without
   * touching this class; it runs once per route per config, never per request.
   */
  private static final class Merger {
    private final MethodHandle[] getters;
    private final MethodHandle constructor;

    Merger() {
      RecordComponent[] components = RoutePolicies.class.getRecordComponents();
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      getters = new MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      try {
        for (int i = 0; i < components.length; i++) {
          getters[i] = lookup.unreflect(components[i].getAccessor());
          types[i] = components[i].getType();
        }
        constructor =
            lookup.findConstructor(RoutePolicies.class, MethodType.methodType(void.class, types));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("RoutePolicies is not a public record", e);
      }
    }

    /**
     * A URL rewrite merges its two parts: a policy's {@code hostRewrite} (an authority-only
     * rewrite) still applies under a route filter that only rewrites the path.
     */
    private static UrlRewrite urls(UrlRewrite lower, UrlRewrite higher) {
      return new UrlRewrite(
          higher.authority() != null ? higher.authority() : lower.authority(),
          higher.path() != null ? higher.path() : lower.path());
    }

    RoutePolicies merge(RoutePolicies lower, RoutePolicies higher) {
      if (higher == null || higher.equals(RoutePolicies.NONE)) {
        return lower;
      }
      if (lower.equals(RoutePolicies.NONE)) {
        return higher;
      }
      Object[] values = new Object[getters.length];
      try {
        for (int i = 0; i < getters.length; i++) {
          Object h = getters[i].invoke(higher);
          Object l = getters[i].invoke(lower);
          values[i] = h instanceof UrlRewrite hu && l instanceof UrlRewrite lu ? urls(lu, hu) : h;
          if (values[i] == null) {
            values[i] = l;
          }
        }
        return (RoutePolicies) constructor.invokeWithArguments(values);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot merge policies", e);
      }
    }
  }
}
