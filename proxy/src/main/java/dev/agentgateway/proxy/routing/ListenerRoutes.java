package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The routes of one listener, grouped by route hostname. As in Gateway API, the hostname match
 * ranks first: every route that names the request's host exactly is tried before any wildcard
 * route, and those before routes without hostnames, whatever their paths.
 */
final class ListenerRoutes {
  private final Listener listener;
  private final HostIndex<CandidateSet> byHost;

  private ListenerRoutes(Listener listener, HostIndex<CandidateSet> byHost) {
    this.listener = listener;
    this.byHost = byHost;
  }

  /** The listener these routes hang off. */
  Listener listener() {
    return listener;
  }

  /** Compiles {@code routes} for {@code listener}; backend weights are computed once per route. */
  static ListenerRoutes compile(Listener listener, List<Route> routes) {
    HostIndex.Builder<List<Candidate>> builder = new HostIndex.Builder<>(ArrayList::new);
    for (Route route : routes) {
      WeightedBackends backends = WeightedBackends.of(route.backends());
      List<Candidate> candidates = new ArrayList<>(route.matches().size());
      for (int m = 0; m < route.matches().size(); m++) {
        candidates.add(Candidate.compile(listener, route, m, backends));
      }
      for (List<Candidate> slot : slots(builder, route)) {
        slot.addAll(candidates);
      }
    }
    return new ListenerRoutes(listener, builder.build(CandidateSet::new));
  }

  /** The distinct buckets a route belongs to: one per hostname, or the "any" bucket. */
  private static Set<List<Candidate>> slots(
      HostIndex.Builder<List<Candidate>> builder, Route route) {
    Set<List<Candidate>> slots = Collections.newSetFromMap(new IdentityHashMap<>());
    if (route.hostnames().isEmpty()) {
      slots.add(builder.slot(null));
    }
    for (String hostname : route.hostnames()) {
      slots.add(builder.slot(hostname));
    }
    return slots;
  }

  /** The best route for {@code request}, or null. */
  RouteSelection select(RequestView request, String host) {
    CandidateSet exact = byHost.exact(host);
    if (exact != null) {
      RouteSelection hit = exact.select(request);
      if (hit != null) {
        return hit;
      }
    }
    for (int i = byHost.nextWildcard(host, 0); i >= 0; i = byHost.nextWildcard(host, i + 1)) {
      RouteSelection hit = byHost.wildcard(i).select(request);
      if (hit != null) {
        return hit;
      }
    }
    CandidateSet any = byHost.any();
    return any == null ? null : any.select(request);
  }
}
