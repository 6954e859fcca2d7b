package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.policy.AgentgatewayPolicySpec;
import dev.agentgateway.crds.policy.Phase;
import dev.agentgateway.crds.policy.TargetRef;
import dev.agentgateway.model.ir.PolicyTarget;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a policy's targetRefs against the CRD's attachment rules and resolves each to IR targets
 * and the Gateways they affect, following the key conventions the proxy matches against.
 */
final class PolicyTargets {
  private static final Map<String, String> GROUPS =
      Map.of(
          "Gateway", PolicyCluster.GATEWAY_GROUP,
          "ListenerSet", PolicyCluster.GATEWAY_GROUP,
          "HTTPRoute", PolicyCluster.GATEWAY_GROUP,
          "GRPCRoute", PolicyCluster.GATEWAY_GROUP,
          "Service", "",
          "AgentgatewayBackend", "agentgateway.dev",
          "InferencePool", "inference.networking.k8s.io");
  private static final Set<String> TRAFFIC_KINDS =
      Set.of("Gateway", "ListenerSet", "HTTPRoute", "GRPCRoute", "InferencePool");

  /** One resolved target: the IR target and the Gateways whose IR carries it. */
  record Resolved(PolicyTarget target, Set<GatewayKey> gateways) {}

  /** A targetRef's outcome: its resolved targets, or why it attaches nowhere. */
  record Outcome(List<Resolved> resolved, String missing) {}

  private final PolicyCluster cluster;

  PolicyTargets(PolicyCluster cluster) {
    this.cluster = cluster;
  }

  /** The attachment rules the spec breaks, each naming its field; empty when it keeps them. */
  static List<String> violations(AgentgatewayPolicySpec spec) {
    List<String> out = new ArrayList<>();
    List<TargetRef> refs = spec.targetRefs() == null ? List.of() : spec.targetRefs();
    if (refs.isEmpty()) {
      out.add("targetRefs: at least one target is required");
    }
    if (spec.traffic() == null && spec.backend() == null && spec.frontend() == null) {
      out.add("spec: at least one of traffic, frontend or backend must be set");
    }
    boolean bindLevel =
        spec.frontend() != null
            && (spec.frontend().tcp() != null
                || spec.frontend().tls() != null
                || spec.frontend().http() != null);
    Set<String> kinds = new TreeSet<>();
    for (int i = 0; i < refs.size(); i++) {
      TargetRef ref = refs.get(i);
      String at = "targetRefs[" + i + "]";
      kinds.add(ref.kind());
      String group = GROUPS.get(ref.kind());
      if (group == null || !group.equals(Objects.requireNonNullElse(ref.group(), ""))) {
        out.add(
            at
                + ": only Gateway, HTTPRoute, GRPCRoute, ListenerSet, Service,"
                + " AgentgatewayBackend or InferencePool (with their groups) may be targeted");
        continue;
      }
      if (ref.port() != null) {
        out.add(
            spec.traffic() != null || spec.backend() != null || spec.frontend() == null
                ? at + ".port: port may only be set on frontend-only policies"
                : at + ".port: targeting a Gateway port is not supported yet");
      }
      if (spec.frontend() != null && !ref.kind().equals("Gateway")) {
        out.add(at + ": frontend can only target a Gateway");
      }
      if (bindLevel && ref.sectionName() != null) {
        out.add(
            at
                + ".sectionName: frontend tcp, tls and http apply to a whole Gateway, not a"
                + " listener");
      }
      if (spec.traffic() != null && !TRAFFIC_KINDS.contains(ref.kind())) {
        out.add(
            at
                + ": traffic can only target a Gateway, ListenerSet, GRPCRoute, HTTPRoute or"
                + " InferencePool");
      }
      if (ref.kind().equals("Service") && ref.sectionName() != null && port(ref) == null) {
        out.add(at + ".sectionName: a Service sectionName must be a port from 1 to 65535");
      }
      boolean aiOrMcp =
          spec.backend() != null && (spec.backend().ai() != null || spec.backend().mcp() != null);
      if (ref.kind().equals("Service") && aiOrMcp) {
        out.add(at + ": backend.ai and backend.mcp cannot target a Service");
      }
      if (ref.kind().equals("AgentgatewayBackend")
          && ref.sectionName() != null
          && spec.backend() != null
          && spec.backend().mcp() != null) {
        out.add(at + ": backend.mcp cannot target an AgentgatewayBackend sectionName");
      }
    }
    if (preRouting(spec)) {
      for (int i = 0; i < refs.size(); i++) {
        String kind = refs.get(i).kind();
        if (!kind.equals("Gateway") && !kind.equals("ListenerSet")) {
          out.add(
              "targetRefs["
                  + i
                  + "]: traffic.phase PreRouting can only target a Gateway or ListenerSet");
        }
      }
      if (spec.backend() != null) {
        out.add("backend: cannot be combined with traffic.phase PreRouting (it runs later)");
      }
    }
    if (spec.strategy() != null
        && spec.strategy().inheritance() != null
        && (spec.traffic() == null || spec.backend() != null)) {
      out.add("strategy.inheritance: may only be set on traffic policies");
    }
    if (kinds.size() > 1) {
      out.add("targetRefs: only one kind of target may be set on one policy, got " + kinds);
    }
    return out;
  }

  /** Whether the policy's traffic runs before route selection ({@code phase: PreRouting}). */
  static boolean preRouting(AgentgatewayPolicySpec spec) {
    return spec.traffic() != null && spec.traffic().phase() == Phase.PRE_ROUTING;
  }

  /** Resolves {@code ref} of a policy in {@code namespace}. */
  Outcome resolve(String namespace, TargetRef ref) {
    ObjectKey key = new ObjectKey(namespace, ref.name());
    String section = ref.sectionName();
    return switch (ref.kind()) {
      case "Gateway" -> gateway(new GatewayKey(namespace, ref.name()), section);
      case "ListenerSet" -> listenerSet(key, section);
      case "HTTPRoute" -> route("HTTPRoute", key, cluster.httpRoutes.get(key), section);
      case "GRPCRoute" -> route("GRPCRoute", key, cluster.grpcRoutes.get(key), section);
      case "Service" -> service(key, ref);
      case "AgentgatewayBackend" -> backend(key, section);
      default -> missing(ref.kind() + " targets are not supported yet");
    };
  }

  private Outcome gateway(GatewayKey gw, String section) {
    Set<String> listeners = cluster.gateways.get(gw);
    if (listeners == null) {
      return missing(
          cluster.allGateways.containsKey(gw)
              ? "Gateway " + gw + " is not of a GatewayClass of this controller"
              : "Gateway " + gw + " not found");
    }
    if (section == null) {
      return found(new PolicyTarget(PolicyTarget.Kind.GATEWAY, gw.toString(), null), Set.of(gw));
    }
    if (!listeners.contains(section)) {
      return missing("Gateway " + gw + " has no listener " + section);
    }
    return found(
        new PolicyTarget(PolicyTarget.Kind.LISTENER, gw + "." + section, null), Set.of(gw));
  }

  private Outcome listenerSet(ObjectKey key, String section) {
    ListenerSet set = cluster.listenerSets.get(key);
    if (set == null) {
      return missing("ListenerSet " + key + " not found");
    }
    GatewayKey gw = PolicyCluster.parentOf(set);
    if (gw == null || !cluster.gateways.containsKey(gw)) {
      return missing("ListenerSet " + key + " has no parent Gateway of this controller");
    }
    // Listener keys of a ListenerSet are "<gwNs>/<gw>/<setNs>/<set>.<listener>".
    String prefix = gw + "/" + key;
    if (section == null) {
      return found(new PolicyTarget(PolicyTarget.Kind.LISTENER, prefix, null), Set.of(gw));
    }
    boolean exists =
        set.getSpec().listeners() != null
            && set.getSpec().listeners().stream().map(Listener::getName).anyMatch(section::equals);
    if (!exists) {
      return missing("ListenerSet " + key + " has no listener " + section);
    }
    return found(
        new PolicyTarget(PolicyTarget.Kind.LISTENER, prefix + "." + section, null), Set.of(gw));
  }

  private static Outcome route(
      String kind, ObjectKey key, PolicyCluster.RouteInfo route, String section) {
    if (route == null) {
      return missing(kind + " " + key + " not found");
    }
    if (route.gateways().isEmpty()) {
      return missing(kind + " " + key + " has no parent Gateway of this controller");
    }
    if (section != null && !route.ruleNames().contains(section)) {
      return missing(kind + " " + key + " has no rule named " + section);
    }
    return found(
        new PolicyTarget(PolicyTarget.Kind.ROUTE, key.toString(), section), route.gateways());
  }

  private Outcome service(ObjectKey key, TargetRef ref) {
    Service service = cluster.services.get(key);
    if (service == null) {
      return missing("Service " + key + " not found");
    }
    Set<GatewayKey> users = cluster.usersOf("Service", key);
    if (users.isEmpty()) {
      return missing("no route of a Gateway of this controller sends to Service " + key);
    }
    List<ServicePort> ports =
        service.getSpec() == null || service.getSpec().getPorts() == null
            ? List.of()
            : service.getSpec().getPorts();
    Integer wanted = port(ref);
    List<Resolved> out = new ArrayList<>();
    for (ServicePort p : ports) {
      if (wanted == null || wanted.equals(p.getPort())) {
        // The IR key of a Service backend: "<ns>/<name>:<port>".
        out.add(
            new Resolved(
                new PolicyTarget(PolicyTarget.Kind.BACKEND, key + ":" + p.getPort(), null), users));
      }
    }
    return out.isEmpty()
        ? missing("Service " + key + " has no port " + ref.sectionName())
        : new Outcome(out, null);
  }

  private Outcome backend(ObjectKey key, String section) {
    AgentgatewayBackend backend = cluster.backends.get(key);
    if (backend == null) {
      return missing("AgentgatewayBackend " + key + " not found");
    }
    if (section != null) {
      return missing(
          "AgentgatewayBackend " + key + ": sectionName (a backend's target) is not supported yet");
    }
    String name = cluster.backendName(backend);
    if (name == null) {
      return missing("AgentgatewayBackend " + key + " is not accepted");
    }
    Set<GatewayKey> users = cluster.usersOf("AgentgatewayBackend", key);
    if (users.isEmpty()) {
      return missing(
          "no route of a Gateway of this controller sends to AgentgatewayBackend " + key);
    }
    return found(new PolicyTarget(PolicyTarget.Kind.BACKEND, name, null), users);
  }

  private static Integer port(TargetRef ref) {
    try {
      int port = Integer.parseInt(ref.sectionName());
      return port >= 1 && port <= 65535 ? port : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Outcome found(PolicyTarget target, Set<GatewayKey> gateways) {
    return new Outcome(List.of(new Resolved(target, gateways)), null);
  }

  private static Outcome missing(String why) {
    return new Outcome(List.of(), why);
  }
}
