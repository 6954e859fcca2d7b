package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.gatewayapi.ParentGatewayReference;
import dev.agentgateway.control.translate.Inputs;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What policy targets are resolved against, indexed once per translation from every input (not only
 * the Gateways a partial translation covers), so policy status is always computed in full.
 */
final class PolicyCluster {
  static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

  /** A route as policies see it: the Gateways of ours it names and its rule names. */
  record RouteInfo(Set<GatewayKey> gateways, Set<String> ruleNames) {}

  final Map<GatewayKey, Gateway> allGateways = new HashMap<>();
  final Map<GatewayKey, Set<String>> gateways = new HashMap<>();
  final Map<ObjectKey, ListenerSet> listenerSets = new HashMap<>();
  final Map<ObjectKey, RouteInfo> httpRoutes = new HashMap<>();
  final Map<ObjectKey, RouteInfo> grpcRoutes = new HashMap<>();
  final Map<ObjectKey, Service> services = new HashMap<>();
  final Map<ObjectKey, AgentgatewayBackend> backends = new HashMap<>();
  final Map<ObjectKey, Secret> secrets = new HashMap<>();
  final Map<ObjectKey, ConfigMap> configMaps = new HashMap<>();
  private final Function<AgentgatewayBackend, String> backendName;

  /** The Gateways whose routes reference a Service or AgentgatewayBackend ("Kind:ns/name"). */
  private final Map<String, Set<GatewayKey>> backendUsers = new HashMap<>();

  /**
   * @param classes the GatewayClasses of this controller
   * @param backendName an AgentgatewayBackend's IR backend name, or null when it is refused
   */
  PolicyCluster(
      Inputs inputs, Set<String> classes, Function<AgentgatewayBackend, String> backendName) {
    this.backendName = backendName;
    for (Gateway g : inputs.gateways()) {
      GatewayKey key = new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName());
      allGateways.put(key, g);
      if (g.getSpec() != null && classes.contains(g.getSpec().getGatewayClassName())) {
        Set<String> listeners = new TreeSet<>();
        Objects.requireNonNullElse(g.getSpec().getListeners(), List.<Listener>of())
            .forEach(l -> listeners.add(l.getName()));
        gateways.put(key, listeners);
      }
    }
    inputs.listenerSets().forEach(l -> listenerSets.put(ObjectKey.of(l), l));
    inputs.services().forEach(s -> services.put(ObjectKey.of(s), s));
    inputs.backends().forEach(b -> backends.put(ObjectKey.of(b), b));
    inputs.secrets().forEach(x -> secrets.put(ObjectKey.of(x), x));
    inputs.configMaps().forEach(x -> configMaps.put(ObjectKey.of(x), x));
    for (HTTPRoute r : inputs.httpRoutes()) {
      if (r.getSpec() == null) {
        continue;
      }
      String ns = r.getMetadata().getNamespace();
      Set<GatewayKey> parents = parents(ns, r.getSpec().getParentRefs());
      Set<String> rules = new TreeSet<>();
      for (var rule :
          Objects.requireNonNullElse(
              r.getSpec().getRules(),
              List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule>of())) {
        if (rule.getName() != null) {
          rules.add(rule.getName());
        }
        for (var b :
            Objects.requireNonNullElse(
                rule.getBackendRefs(),
                List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef>of())) {
          used(b.getGroup(), b.getKind(), b.getName(), b.getNamespace(), ns, parents);
        }
      }
      httpRoutes.put(ObjectKey.of(r), new RouteInfo(parents, rules));
    }
    for (GRPCRoute r : inputs.grpcRoutes()) {
      if (r.getSpec() == null) {
        continue;
      }
      String ns = r.getMetadata().getNamespace();
      Set<GatewayKey> parents = parents(ns, r.getSpec().getParentRefs());
      Set<String> rules = new TreeSet<>();
      for (var rule :
          Objects.requireNonNullElse(
              r.getSpec().getRules(),
              List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule>of())) {
        if (rule.getName() != null) {
          rules.add(rule.getName());
        }
        for (var b :
            Objects.requireNonNullElse(
                rule.getBackendRefs(),
                List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef>of())) {
          used(b.getGroup(), b.getKind(), b.getName(), b.getNamespace(), ns, parents);
        }
      }
      grpcRoutes.put(ObjectKey.of(r), new RouteInfo(parents, rules));
    }
  }

  /** The Gateways of ours among a route's parentRefs, directly or through a ListenerSet. */
  private Set<GatewayKey> parents(String routeNamespace, List<ParentReference> refs) {
    Set<GatewayKey> out = new LinkedHashSet<>();
    for (ParentReference ref : Objects.requireNonNullElse(refs, List.<ParentReference>of())) {
      String group = Objects.requireNonNullElse(ref.getGroup(), GATEWAY_GROUP);
      String kind = Objects.requireNonNullElse(ref.getKind(), "Gateway");
      String ns = Objects.requireNonNullElse(ref.getNamespace(), routeNamespace);
      if (!group.equals(GATEWAY_GROUP)) {
        continue;
      }
      GatewayKey gateway =
          switch (kind) {
            case "Gateway" -> new GatewayKey(ns, ref.getName());
            case "ListenerSet" -> {
              ListenerSet set = listenerSets.get(new ObjectKey(ns, ref.getName()));
              yield set == null ? null : parentOf(set);
            }
            default -> null;
          };
      if (gateway != null && gateways.containsKey(gateway)) {
        out.add(gateway);
      }
    }
    return out;
  }

  /** A ListenerSet's parent Gateway (whether ours or not), or null when it names none. */
  static GatewayKey parentOf(ListenerSet set) {
    ParentGatewayReference ref = set.getSpec() == null ? null : set.getSpec().parentRef();
    if (ref == null || ref.name() == null) {
      return null;
    }
    if (!Objects.requireNonNullElse(ref.group(), GATEWAY_GROUP).equals(GATEWAY_GROUP)
        || !Objects.requireNonNullElse(ref.kind(), "Gateway").equals("Gateway")) {
      return null;
    }
    return new GatewayKey(
        Objects.requireNonNullElse(ref.namespace(), set.getMetadata().getNamespace()), ref.name());
  }

  private void used(
      String group,
      String kind,
      String name,
      String namespace,
      String routeNamespace,
      Set<GatewayKey> parents) {
    String g = Objects.requireNonNullElse(group, "");
    String k = kind == null || kind.isEmpty() ? "Service" : kind;
    String ns = namespace == null || namespace.isEmpty() ? routeNamespace : namespace;
    boolean service = g.isEmpty() && k.equals("Service");
    boolean backend = g.equals("agentgateway.dev") && k.equals("AgentgatewayBackend");
    if (service || backend) {
      backendUsers
          .computeIfAbsent(k + ":" + ns + "/" + name, x -> new TreeSet<>(GatewayKeys.ORDER))
          .addAll(parents);
    }
  }

  /** The Gateways of ours whose routes send to {@code kind} {@code key}. */
  Set<GatewayKey> usersOf(String kind, ObjectKey key) {
    return backendUsers.getOrDefault(kind + ":" + key, Set.of());
  }

  /** The IR backend name of an AgentgatewayBackend, or null when it does not translate. */
  String backendName(AgentgatewayBackend backend) {
    return backendName.apply(backend);
  }

  /** The Secrets of {@code namespace}, by name. */
  List<Secret> secretsIn(String namespace) {
    return secrets.entrySet().stream()
        .filter(e -> e.getKey().namespace().equals(namespace))
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .toList();
  }
}
