package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The route table of one bind. A request first picks one listener by host (exact hostname, then the
 * longest matching wildcard, then a listener without hostname); only that listener's routes are
 * considered. Within it, candidates are pre-sorted by precedence at compile time, so selection
 * returns the first (route, match) pair that matches in full and allocates nothing on a hit.
 */
final class CompiledRouteTable implements RouteTable {
  private final HostIndex<ListenerRoutes> listeners;

  private CompiledRouteTable(HostIndex<ListenerRoutes> listeners) {
    this.listeners = listeners;
  }

  /**
   * Compiles {@code listeners} and the {@code routes} attached to them; routes naming another
   * listener are ignored. When two listeners claim the same hostname, the first one wins.
   *
   * @throws IllegalArgumentException when a route holds an invalid regular expression
   */
  static RouteTable compile(List<Listener> listeners, List<Route> routes) {
    Map<String, List<Route>> routesByListener = new HashMap<>();
    for (Route route : routes) {
      routesByListener.computeIfAbsent(route.listenerKey(), k -> new ArrayList<>()).add(route);
    }
    HostIndex.Builder<List<Listener>> builder = new HostIndex.Builder<>(ArrayList::new);
    for (Listener listener : listeners) {
      builder.slot(listener.hostname()).add(listener);
    }
    HostIndex<ListenerRoutes> index =
        builder.build(
            claimants -> {
              Listener first = claimants.get(0);
              return ListenerRoutes.compile(
                  first, routesByListener.getOrDefault(first.key(), List.of()));
            });
    return new CompiledRouteTable(index);
  }

  @Override
  public Listener listener(RequestView request) {
    String host = request.host();
    ListenerRoutes chosen = listeners.best(host == null ? "" : host);
    return chosen == null ? null : chosen.listener();
  }

  @Override
  public RouteSelection select(RequestView request) {
    String host = request.host();
    if (host == null) {
      host = "";
    }
    ListenerRoutes chosen = listeners.best(host);
    return chosen == null ? null : chosen.select(request, host);
  }
}
