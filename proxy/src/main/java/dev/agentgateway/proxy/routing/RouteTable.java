package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Route;
import java.util.List;

/** The compiled routes of one bind; immutable and safe to share between threads. */
public interface RouteTable {

  /** Compiles the listeners and routes of one bind (regexes compiled once here). */
  static RouteTable compile(List<Listener> listeners, List<Route> routes) {
    return CompiledRouteTable.compile(listeners, routes);
  }

  /** The best route for {@code request}, or {@code null} when none matches. */
  RouteSelection select(RequestView request);

  /**
   * The listener that takes {@code request} (by its host), or {@code null} when none does; what
   * gateway-phase policies run on, before any route is selected.
   */
  Listener listener(RequestView request);
}
