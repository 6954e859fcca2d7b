package dev.agentgateway.control.translate;

import dev.agentgateway.model.ir.Listener;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import java.util.List;

/**
 * One Gateway listener after validation: what routes attach to, and its conditions other than
 * Programmed (which depends on the proxy).
 *
 * @param listenerSet the ListenerSet it comes from, or null for the Gateway's own
 * @param name the listener name
 * @param port its port
 * @param protocol its protocol
 * @param hostname its hostname, or null for any
 * @param namespace its owner's namespace, which allowedRoutes Same means
 * @param ir the IR listener, or null when the listener is not usable
 * @param supportedKinds the route kinds it accepts
 * @param namespaces which namespaces' routes it accepts; null means Same
 * @param conditions Accepted, Conflicted and ResolvedRefs
 */
record ListenerModel(
    ObjectKey listenerSet,
    String name,
    int port,
    String protocol,
    String hostname,
    String namespace,
    Listener ir,
    List<RouteGroupKind> supportedKinds,
    RouteNamespaces namespaces,
    List<Condition> conditions) {

  /** Unique within the Gateway: the name, prefixed by the ListenerSet's key for its listeners. */
  String id() {
    return listenerSet == null ? name : listenerSet + "/" + name;
  }

  boolean usable() {
    return ir != null;
  }

  boolean accepts(String kind) {
    return supportedKinds.stream().anyMatch(k -> kind.equals(k.getKind()));
  }
}
