package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import java.util.random.RandomGenerator;

/**
 * The outcome of route selection for one request.
 *
 * @param listener the listener that took the request
 * @param route the winning route
 * @param matchedPath the path condition that matched (for prefix rewrites)
 * @param backends the route's backends with precomputed cumulative weights
 */
public record RouteSelection(
    Listener listener, Route route, PathMatch matchedPath, WeightedBackends backends) {

  /** Picks one backend by weight, or {@code null} when the route has none with weight > 0. */
  public RouteBackend pickBackend(RandomGenerator random) {
    return backends.pick(random);
  }
}
