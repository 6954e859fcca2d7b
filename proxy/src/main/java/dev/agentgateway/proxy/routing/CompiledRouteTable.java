package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Route;
import java.util.List;

/** Placeholder: first prefix match in source order. Replaced by the precedence-ordered table. */
final class CompiledRouteTable implements RouteTable {
  private final Listener listener;
  private final List<Route> routes;

  private CompiledRouteTable(Listener listener, List<Route> routes) {
    this.listener = listener;
    this.routes = routes;
  }

  static RouteTable compile(List<Listener> listeners, List<Route> routes) {
    return new CompiledRouteTable(listeners.isEmpty() ? null : listeners.get(0), routes);
  }

  @Override
  public RouteSelection select(RequestView request) {
    for (Route route : routes) {
      PathMatch path = route.matches().get(0).path();
      if (path instanceof PathMatch.Prefix p && request.path().startsWith(p.value())) {
        return new RouteSelection(listener, route, path, WeightedBackends.of(route.backends()));
      }
    }
    return null;
  }
}
