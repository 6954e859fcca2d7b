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
 * @param name the listener name
 * @param port its port
 * @param hostname its hostname, or null for any
 * @param ir the IR listener, or null when the listener is not usable
 * @param supportedKinds the route kinds it accepts
 * @param namespaces which namespaces' routes it accepts; null means Same
 * @param conditions Accepted, Conflicted and ResolvedRefs
 */
record ListenerModel(
    String name,
    int port,
    String hostname,
    Listener ir,
    List<RouteGroupKind> supportedKinds,
    RouteNamespaces namespaces,
    List<Condition> conditions) {

  boolean usable() {
    return ir != null;
  }

  boolean accepts(String kind) {
    return supportedKinds.stream().anyMatch(k -> kind.equals(k.getKind()));
  }
}
