package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The flat IR resource lists of one load, with key allocation and the running route order. */
final class Resources {
  final List<Bind> binds = new ArrayList<>();
  final List<Listener> listeners = new ArrayList<>();
  final List<Route> routes = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final Map<Integer, String> portOwners = new HashMap<>();
  private int order;

  /**
   * {@code base}, or when that key is taken (two resources with the same name) {@code base#index},
   * then further suffixes until unique.
   */
  String uniqueKey(String base, int index) {
    String key = base;
    for (int n = 0; !keys.add(key); n++) {
      key = base + "#" + index + (n == 0 ? "" : "." + n);
    }
    return key;
  }

  /**
   * Records that the config element at {@code path} listens on {@code port}; returns the path of
   * the element that already does, or {@code null} when the port was free.
   */
  String claimPort(int port, String path) {
    return portOwners.putIfAbsent(port, path);
  }

  /** The position of the next route in file order, across all binds and listeners. */
  int nextOrder() {
    return order++;
  }

  /**
   * The bind, listener and catch-all route of a shortcut ({@code mcp:}, {@code llm:}): one HTTP
   * listener named {@code listenerName} on {@code port}, one route to {@code backend}.
   */
  void addShortcut(
      int port,
      String listenerName,
      String routeName,
      String routeNamespace,
      RoutePolicies policies,
      Backend backend) {
    String bindKey = uniqueKey("bind/" + port, 0);
    String listenerKey = uniqueKey(bindKey + "/" + listenerName, 0);
    binds.add(new Bind(bindKey, port));
    listeners.add(new Listener(listenerKey, bindKey, listenerName, null, ListenerProtocol.HTTP));
    routes.add(
        new Route(
            uniqueKey(listenerKey + "/" + routeName, 0),
            listenerKey,
            routeName,
            routeNamespace,
            null,
            List.of(),
            List.of(),
            policies,
            List.of(new RouteBackend(backend, 1)),
            nextOrder()));
  }
}
