package dev.agentgateway.control.translate;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKindBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Validates a Gateway's listeners and turns the usable ones into IR binds and listeners. */
final class GatewayListeners {
  static final String GROUP = "gateway.networking.k8s.io";
  private static final List<String> HTTP_KINDS = List.of("HTTPRoute", "GRPCRoute");

  private GatewayListeners() {}

  /** The listener models of {@code gateway}'s own listeners, in spec order. */
  static List<ListenerModel> of(
      GatewayKey key, Gateway gateway, ListenerCertificates certificates) {
    return of(
        key, gateway, gateway, null, gateway.getSpec().getListeners(), List.of(), certificates);
  }

  /**
   * The listener models of {@code owner}, the Gateway or one of its ListenerSets ({@code
   * listenerSet} names it then). Within one owner, listeners that conflict are all Conflicted; a
   * listener that conflicts with a usable one in {@code earlier} (which takes precedence) is too.
   * {@code parent} is the Gateway, whose {@code spec.tls} applies to every HTTPS listener.
   */
  static List<ListenerModel> of(
      GatewayKey key,
      Gateway parent,
      HasMetadata owner,
      ObjectKey listenerSet,
      List<io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener> listeners,
      List<ListenerModel> earlier,
      ListenerCertificates certificates) {
    List<io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener> specs =
        listeners == null ? List.of() : listeners;
    Map<Integer, String> earlierProtocols = new HashMap<>();
    Set<String> earlierHosts = new HashSet<>();
    for (ListenerModel e : earlier) {
      if (e.usable()) {
        earlierProtocols.putIfAbsent(e.port(), e.protocol());
        earlierHosts.add(e.port() + "|" + e.hostname());
      }
    }
    Map<Integer, String> protocolByPort = new HashMap<>();
    Set<Integer> protocolConflicts = new HashSet<>();
    Map<String, Integer> hostsPerPort = new HashMap<>();
    for (var l : specs) {
      String previous = protocolByPort.putIfAbsent(l.getPort(), l.getProtocol());
      if (previous != null && !previous.equals(l.getProtocol())) {
        protocolConflicts.add(l.getPort());
      }
      hostsPerPort.merge(l.getPort() + "|" + l.getHostname(), 1, Integer::sum);
    }
    List<ListenerModel> models = new ArrayList<>();
    for (var l : specs) {
      models.add(
          one(
              key,
              owner,
              listenerSet,
              l,
              certificates,
              frontendValidation(parent),
              protocolConflicts.contains(l.getPort())
                  || !Objects.equals(
                      earlierProtocols.getOrDefault(l.getPort(), l.getProtocol()), l.getProtocol()),
              hostsPerPort.get(l.getPort() + "|" + l.getHostname()) > 1
                  || earlierHosts.contains(l.getPort() + "|" + l.getHostname())));
    }
    return models;
  }

  /** One bind per port that has a usable listener, in port order. */
  static List<Bind> binds(GatewayKey key, List<ListenerModel> listeners) {
    TreeSet<Integer> ports = new TreeSet<>();
    listeners.stream().filter(ListenerModel::usable).forEach(l -> ports.add(l.port()));
    return ports.stream().map(p -> new Bind(bindKey(key, p), p)).toList();
  }

  static String bindKey(GatewayKey key, int port) {
    return port + "/" + key.namespace() + "/" + key.name();
  }

  private static ListenerModel one(
      GatewayKey key,
      HasMetadata gateway,
      ObjectKey listenerSet,
      io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener spec,
      ListenerCertificates certificates,
      boolean frontendValidation,
      boolean protocolConflict,
      boolean hostnameConflict) {
    List<Condition> conditions = new ArrayList<>();
    String protocol = Objects.requireNonNullElse(spec.getProtocol(), "");
    String unsupported = unsupported(protocol, spec.getTls());
    if (unsupported == null && protocol.equals("HTTPS") && frontendValidation) {
      // Serving without the client-certificate checks the Gateway asks for would let in clients
      // it means to refuse: refuse the listener instead.
      unsupported =
          "the Gateway's spec.tls.frontend (client certificate validation) is not"
              + " supported yet";
    }
    boolean supported = unsupported == null;
    Kinds kinds = kinds(spec.getAllowedRoutes());
    boolean conflicted = protocolConflict || hostnameConflict;
    ListenerCertificates.Resolved tls =
        supported && protocol.equals("HTTPS")
            ? certificates.resolve(
                gateway, listenerSet == null ? "Gateway" : "ListenerSet", spec.getTls())
            : null;
    if (!supported) {
      conditions.add(Conditions.of(gateway, "Accepted", false, "UnsupportedProtocol", unsupported));
    } else if (conflicted) {
      String reason = protocolConflict ? "ProtocolConflict" : "HostnameConflict";
      conditions.add(
          Conditions.of(gateway, "Accepted", false, reason, "Listener conflicts with another"));
    } else {
      conditions.add(Conditions.of(gateway, "Accepted", true, "Accepted", "Listener is accepted"));
    }
    if (protocolConflict) {
      conditions.add(
          Conditions.of(
              gateway,
              "Conflicted",
              true,
              "ProtocolConflict",
              "another listener on port " + spec.getPort() + " uses a different protocol"));
    } else if (hostnameConflict) {
      conditions.add(
          Conditions.of(
              gateway,
              "Conflicted",
              true,
              "HostnameConflict",
              "another listener on port "
                  + spec.getPort()
                  + " has the same hostname "
                  + (spec.getHostname() == null ? "(any)" : spec.getHostname())));
    } else {
      conditions.add(Conditions.of(gateway, "Conflicted", false, "NoConflicts", "No conflicts"));
    }
    if (tls != null && tls.tls() == null) {
      conditions.add(Conditions.of(gateway, "ResolvedRefs", false, tls.reason(), tls.message()));
    } else if (kinds.invalid().isEmpty()) {
      conditions.add(
          Conditions.of(gateway, "ResolvedRefs", true, "ResolvedRefs", "All references resolved"));
    } else {
      conditions.add(
          Conditions.of(
              gateway,
              "ResolvedRefs",
              false,
              "InvalidRouteKinds",
              "unsupported route kinds: " + String.join(", ", kinds.invalid())));
    }
    String prefix =
        key.namespace() + "/" + key.name() + (listenerSet == null ? "" : "/" + listenerSet);
    boolean https = tls != null;
    Listener ir =
        supported && !conflicted && (!https || tls.tls() != null)
            ? new Listener(
                prefix + "." + spec.getName(),
                bindKey(key, spec.getPort()),
                spec.getName(),
                spec.getHostname(),
                https ? ListenerProtocol.HTTPS : ListenerProtocol.HTTP,
                https ? tls.tls() : null)
            : null;
    return new ListenerModel(
        listenerSet,
        spec.getName(),
        spec.getPort(),
        protocol,
        spec.getHostname(),
        gateway.getMetadata().getNamespace(),
        ir,
        kinds.supported(),
        spec.getAllowedRoutes() == null ? null : spec.getAllowedRoutes().getNamespaces(),
        conditions);
  }

  /** Whether the Gateway asks HTTPS listeners to validate client certificates. */
  private static boolean frontendValidation(Gateway gateway) {
    var tls = gateway.getSpec() == null ? null : gateway.getSpec().getTls();
    var frontend = tls == null ? null : tls.getFrontend();
    return frontend != null
        && (frontend.getDefault() != null
            || (frontend.getPerPort() != null && !frontend.getPerPort().isEmpty()));
  }

  /** Why a listener's protocol and TLS mode cannot be served, or null when they can. */
  private static String unsupported(String protocol, ListenerTLSConfig tls) {
    String mode = tls == null ? null : Objects.requireNonNullElse(tls.getMode(), "Terminate");
    return switch (protocol) {
      case "HTTP" -> null;
      case "HTTPS" ->
          mode != null && !mode.equals("Terminate")
              ? "tls.mode " + mode + " is not supported for HTTPS; use Terminate"
              : tls != null && tls.getOptions() != null && !tls.getOptions().isEmpty()
                  ? "tls.options are not supported yet: " + new TreeSet<>(tls.getOptions().keySet())
                  : null;
      case "TLS" -> "protocol TLS is not supported yet: TLSRoute and TLS passthrough are missing";
      default -> "protocol " + protocol + " is not supported; use HTTP or HTTPS";
    };
  }

  private record Kinds(List<RouteGroupKind> supported, List<String> invalid) {}

  /** The supported kinds among those allowed (all HTTP kinds when none are listed). */
  private static Kinds kinds(AllowedRoutes allowed) {
    if (allowed == null || allowed.getKinds() == null || allowed.getKinds().isEmpty()) {
      return new Kinds(HTTP_KINDS.stream().map(GatewayListeners::kind).toList(), List.of());
    }
    List<RouteGroupKind> supported = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (RouteGroupKind k : allowed.getKinds()) {
      String group = k.getGroup() == null ? GROUP : k.getGroup();
      if (group.equals(GROUP) && HTTP_KINDS.contains(k.getKind())) {
        supported.add(kind(k.getKind()));
      } else {
        invalid.add(group + "/" + k.getKind());
      }
    }
    return new Kinds(supported, invalid);
  }

  private static RouteGroupKind kind(String kind) {
    return new RouteGroupKindBuilder().withGroup(GROUP).withKind(kind).build();
  }
}
