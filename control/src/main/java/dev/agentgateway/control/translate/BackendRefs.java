package dev.agentgateway.control.translate;

import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.model.ir.Backend;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Resolves a route's backendRef to an IR backend, or says why not with a Gateway API reason. */
final class BackendRefs {
  /** A Service port with one of these appProtocols serves A2A (the second is the old name). */
  static final Set<String> A2A_APP_PROTOCOLS = Set.of("agentgateway.dev/a2a", "kgateway.dev/a2a");

  /** A resolved backend, or the reason and message of the ResolvedRefs=False condition. */
  record Resolved(Backend backend, String reason, String message) {
    boolean ok() {
      return backend != null;
    }

    static Resolved failed(String reason, String message) {
      return new Resolved(null, reason, message);
    }
  }

  private final Map<ObjectKey, Service> services = new HashMap<>();
  private final Map<ObjectKey, AgentgatewayBackend> backends = new HashMap<>();
  private final ReferenceGrants grants;
  private final AgentgatewayBackends translator;

  BackendRefs(
      List<Service> services,
      List<AgentgatewayBackend> backends,
      ReferenceGrants grants,
      AgentgatewayBackends translator) {
    services.forEach(s -> this.services.put(ObjectKey.of(s), s));
    backends.forEach(b -> this.backends.put(ObjectKey.of(b), b));
    this.grants = grants;
    this.translator = translator;
  }

  /**
   * Resolves the reference from a {@code routeKind} in {@code routeNamespace} to {@code group},
   * {@code kind} (Service when empty), {@code name} in {@code namespace} (the route's when null) on
   * {@code port}.
   */
  Resolved resolve(
      String routeKind,
      String routeNamespace,
      String group,
      String kind,
      String name,
      String namespace,
      Integer port) {
    String g = Objects.requireNonNullElse(group, "");
    String k = kind == null || kind.isEmpty() ? "Service" : kind;
    String ns = namespace == null || namespace.isEmpty() ? routeNamespace : namespace;
    if (g.equals(AgentgatewayBackends.GROUP) && k.equals(AgentgatewayBackends.KIND)) {
      return agentgatewayBackend(routeKind, routeNamespace, name, ns);
    }
    if (!g.isEmpty() || !k.equals("Service")) {
      return Resolved.failed(
          "InvalidKind", "backendRef " + (g.isEmpty() ? "" : g + "/") + k + " is not supported");
    }
    if (!grants.allows(
        GatewayListeners.GROUP, routeKind, routeNamespace, "", "Service", ns, name)) {
      return Resolved.failed(
          "RefNotPermitted",
          "backendRef to Service "
              + ns
              + "/"
              + name
              + " is not permitted by any ReferenceGrant in namespace "
              + ns);
    }
    Service service = services.get(new ObjectKey(ns, name));
    if (service == null) {
      return Resolved.failed("BackendNotFound", "Service " + ns + "/" + name + " not found");
    }
    if (port == null) {
      return Resolved.failed(
          "UnsupportedValue", "backendRef to Service " + ns + "/" + name + " needs a port");
    }
    List<ServicePort> ports =
        service.getSpec() == null || service.getSpec().getPorts() == null
            ? List.of()
            : service.getSpec().getPorts();
    ServicePort servicePort =
        ports.stream().filter(p -> port.equals(p.getPort())).findFirst().orElse(null);
    if (servicePort == null) {
      return Resolved.failed(
          "BackendNotFound", "Service " + ns + "/" + name + " has no port " + port);
    }
    Backend backend = new Backend.Service(ns, name, port);
    return new Resolved(
        servicePort.getAppProtocol() != null
                && A2A_APP_PROTOCOLS.contains(servicePort.getAppProtocol())
            ? new Backend.A2a(backend)
            : backend,
        null,
        null);
  }

  private Resolved agentgatewayBackend(
      String routeKind, String routeNamespace, String name, String ns) {
    String what = AgentgatewayBackends.KIND + " " + ns + "/" + name;
    if (!grants.allows(
        GatewayListeners.GROUP,
        routeKind,
        routeNamespace,
        AgentgatewayBackends.GROUP,
        AgentgatewayBackends.KIND,
        ns,
        name)) {
      return Resolved.failed(
          "RefNotPermitted",
          "backendRef to " + what + " is not permitted by any ReferenceGrant in namespace " + ns);
    }
    AgentgatewayBackend backend = backends.get(new ObjectKey(ns, name));
    if (backend == null) {
      return Resolved.failed("BackendNotFound", what + " not found");
    }
    AgentgatewayBackends.Translated t = translator.translate(backend);
    return t.ok()
        ? new Resolved(t.backend(), null, null)
        : Resolved.failed("UnsupportedValue", ns + "/" + name + ": " + t.message());
  }
}
