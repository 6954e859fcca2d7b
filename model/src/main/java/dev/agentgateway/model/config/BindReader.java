package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.Route;
import java.util.List;

/** Reads {@code binds[]} and their {@code listeners[]}; routes go to {@link RouteReader}. */
final class BindReader {
  private static final List<String> TUNNEL_PROTOCOLS =
      List.of("direct", "hboneWaypoint", "hboneGateway", "proxy", "connect");
  private static final List<String> BIND_MODES = List.of("standard", "internal");
  private static final List<String> PROTOCOLS =
      List.of("HTTP", "HTTPS", "TLS", "TCP", "HBONE"); // ListenerProtocol names, as upstream

  private final Resources out;
  private final RouteReader routes;
  private final TlsReader tls;

  BindReader(Resources out, RouteReader routes, TlsReader tls) {
    this.out = out;
    this.routes = routes;
    this.tls = tls;
  }

  void readAll(ConfigNode binds) {
    List<ConfigNode> items = binds.list();
    for (int i = 0; i < items.size(); i++) {
      read(items.get(i), i);
    }
  }

  private void read(ConfigNode bind, int index) {
    if (!bind.mapping(UpstreamFields.BIND)) {
      return;
    }
    ConfigNode portNode = bind.field("port");
    Integer port = portNode.require() ? portNode.integer(1, 65535) : null;
    if (port != null) {
      String owner = out.claimPort(port, bind.path());
      if (owner != null) {
        portNode.error("port is already used by " + owner);
      }
    }
    onlyDefault(bind.field("tunnelProtocol"), TUNNEL_PROTOCOLS);
    onlyDefault(bind.field("mode"), BIND_MODES);
    String bindKey = out.uniqueKey("bind/" + (port == null ? "invalid" + index : port), index);
    if (port != null) {
      out.binds.add(new Bind(bindKey, port));
    }
    ConfigNode listeners = bind.field("listeners");
    if (listeners.require()) {
      List<ConfigNode> items = listeners.list();
      for (int i = 0; i < items.size(); i++) {
        readListener(items.get(i), i, bindKey);
      }
      long https = items.stream().filter(l -> "HTTPS".equals(protocolOf(l))).count();
      if (https > 0 && https < items.size()) {
        // One port speaks TLS or not; upstream needs separate binds for HTTP and HTTPS too.
        listeners.error("listeners on one bind must be all HTTPS or all plain HTTP");
      }
    }
  }

  private static String protocolOf(ConfigNode listener) {
    ConfigNode protocol = listener.field("protocol");
    return protocol.isText() ? protocol.raw().asText() : "HTTP";
  }

  /** Accepts only the first (default) value of an enum whose other values we do not support. */
  private static void onlyDefault(ConfigNode node, List<String> values) {
    String value = node.choice(values);
    if (value != null && !value.equals(values.get(0))) {
      node.error(
          "\"" + value + "\" is not supported yet (only \"" + values.get(0) + "\" is supported)");
    }
  }

  private void readListener(ConfigNode listener, int index, String bindKey) {
    if (!listener.mapping(UpstreamFields.LISTENER)) {
      return;
    }
    String name = listener.field("name").text();
    listener.field("namespace").text(); // accepted for compatibility; listeners are not namespaced
    String hostname = Hostnames.read(listener.field("hostname"), true);
    ConfigNode protocolNode = listener.field("protocol");
    String protocol = protocolNode.choice(PROTOCOLS);
    if (protocol != null && !protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
      protocolNode.error(
          "protocol \"" + protocol + "\" is not supported yet (only HTTP and HTTPS)");
    }
    boolean https = "HTTPS".equals(protocol);
    ConfigNode tlsNode = listener.field("tls");
    ListenerTls listenerTls = null;
    if (https) {
      listenerTls = tls.listener(tlsNode);
    } else if (tlsNode.present()) {
      tlsNode.error("tls needs protocol: HTTPS");
    }
    String base = name == null || name.isEmpty() ? "listener" + index : name;
    String key = out.uniqueKey(bindKey + "/" + base, index);
    if (!https || listenerTls != null) {
      out.listeners.add(
          https
              ? new Listener(key, bindKey, name, hostname, ListenerProtocol.HTTPS, listenerTls)
              : new Listener(key, bindKey, name, hostname, ListenerProtocol.HTTP));
    }
    List<ConfigNode> items = listener.field("routes").list();
    for (int i = 0; i < items.size(); i++) {
      Route route = routes.read(items.get(i), i, key, out);
      if (route != null) {
        out.routes.add(route);
      }
    }
  }
}
