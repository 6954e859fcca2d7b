package dev.agentgateway.proxy.state;

import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.proxy.endpoints.EndpointTable;
import dev.agentgateway.proxy.policy.PolicyAttachment;
import dev.agentgateway.proxy.routing.RouteTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the data path reads, compiled once per config change. A request reads one state at its
 * start and keeps it to the end, so a reload never changes a request mid-flight.
 *
 * @param config the IR this state was compiled from
 * @param tables the route table of each bound port
 * @param endpoints the ready endpoints of every Service port that routes may forward to
 * @param version increases with every accepted config
 * @param routes the routes with the top-level policies that reach them merged in: the very objects
 *     route selection returns, which per-route caches key on by identity
 */
public record ProxyState(
    GatewayConfig config,
    Map<Integer, RouteTable> tables,
    EndpointTable endpoints,
    long version,
    List<Route> routes) {

  public ProxyState {
    tables = Map.copyOf(tables);
    routes = List.copyOf(routes);
    endpoints = endpoints == null ? EndpointTable.EMPTY : endpoints;
  }

  /** Compiles {@code config}; route regexes were validated by the loader. */
  public static ProxyState compile(GatewayConfig config, long version) {
    Map<String, List<Listener>> listenersByBind = new HashMap<>();
    for (Listener listener : config.listeners()) {
      listenersByBind.computeIfAbsent(listener.bindKey(), k -> new ArrayList<>()).add(listener);
    }
    Map<String, List<Route>> routesByListener = new HashMap<>();
    List<Route> attached =
        PolicyAttachment.apply(config.policies(), config.listeners(), config.routes());
    for (Route route : attached) {
      routesByListener.computeIfAbsent(route.listenerKey(), k -> new ArrayList<>()).add(route);
    }
    Map<Integer, RouteTable> tables = new HashMap<>();
    for (Bind bind : config.binds()) {
      List<Listener> listeners = listenersByBind.getOrDefault(bind.key(), List.of());
      List<Route> routes = new ArrayList<>();
      for (Listener listener : listeners) {
        routes.addAll(routesByListener.getOrDefault(listener.key(), List.of()));
      }
      tables.put(bind.port(), RouteTable.compile(listeners, routes));
    }
    return new ProxyState(
        config, tables, EndpointTable.compile(config.endpoints()), version, attached);
  }

  /** The route table for {@code port}, or {@code null} when nothing is bound there. */
  public RouteTable table(int port) {
    return tables.get(port);
  }
}
