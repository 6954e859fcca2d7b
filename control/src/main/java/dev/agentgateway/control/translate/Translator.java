package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSetStatus;
import dev.agentgateway.control.translate.policy.PolicyTranslator;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Route;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Translates {@link Inputs} to a {@link Translation}; stateless and deterministic. */
public final class Translator {
  /** Gateway API features this implementation supports, reported on the GatewayClass. */
  static final List<String> SUPPORTED_FEATURES =
      List.of(
          "Gateway",
          "HTTPRoute",
          "HTTPRouteHostRewrite",
          "HTTPRouteMethodMatching",
          "HTTPRoutePathRedirect",
          "HTTPRoutePathRewrite",
          "HTTPRoutePortRedirect",
          "HTTPRouteQueryParamMatching",
          "HTTPRouteRequestMirror",
          "HTTPRouteRequestTimeout",
          "HTTPRouteBackendTimeout",
          "HTTPRouteResponseHeaderModification",
          "HTTPRouteRetry",
          "HTTPRouteSchemeRedirect",
          "ReferenceGrant");

  private Translator() {}

  /** Translates {@code inputs}. */
  public static Translation translate(Inputs inputs) {
    return translate(inputs, gateway -> true);
  }

  /**
   * Translates only the Gateways in {@code scope}: their IR and status, and the route parent
   * entries that name them; {@link Translation#merge} folds the result into the last full one.
   * Routes with no parent in scope are not translated at all, so a change that touches one Gateway
   * costs that Gateway's routes, not the cluster's.
   */
  public static Translation translate(Inputs inputs, Predicate<GatewayKey> scope) {
    Set<String> classes =
        inputs.gatewayClasses().stream()
            .filter(c -> c.getSpec() != null)
            .filter(c -> inputs.controllerName().equals(c.getSpec().getControllerName()))
            .map(c -> c.getMetadata().getName())
            .collect(Collectors.toSet());
    Map<String, GatewayClassStatus> classStatuses = new TreeMap<>();
    for (GatewayClass c : inputs.gatewayClasses()) {
      if (classes.contains(c.getMetadata().getName())) {
        classStatuses.put(c.getMetadata().getName(), Statuses.gatewayClass(c, SUPPORTED_FEATURES));
      }
    }
    Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    for (Namespace n : inputs.namespaces()) {
      namespaceLabels.put(
          n.getMetadata().getName(),
          Objects.requireNonNullElse(n.getMetadata().getLabels(), Map.of()));
    }

    ReferenceGrants grants = new ReferenceGrants(inputs.referenceGrants());
    ListenerCertificates certificates = new ListenerCertificates(inputs.secrets(), grants);
    Map<GatewayKey, GatewayModel> gateways =
        new TreeMap<>(Comparator.comparing(GatewayKey::toString));
    for (Gateway g : inputs.gateways()) {
      GatewayKey key = new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName());
      if (g.getSpec() != null
          && classes.contains(g.getSpec().getGatewayClassName())
          && scope.test(key)) {
        Infrastructure infra = inputs.infrastructure().getOrDefault(key, Infrastructure.PENDING);
        gateways.put(key, new GatewayModel(key, g, infra, certificates));
      }
    }
    Map<ObjectKey, ListenerSetModel> listenerSets =
        ListenerSets.attach(gateways, inputs.listenerSets(), namespaceLabels, certificates);

    AgentgatewayBackends agentgatewayBackends =
        new AgentgatewayBackends(inputs.services(), namespaceLabels, inputs.mcpStdioEnabled());
    BackendRefs backends =
        new BackendRefs(inputs.services(), inputs.backends(), grants, agentgatewayBackends);
    RouteAttacher attacher =
        new RouteAttacher(gateways, listenerSets, namespaceLabels, inputs.controllerName());
    Map<ObjectKey, List<RouteParentStatus>> httpStatuses = new TreeMap<>();
    Map<ObjectKey, List<RouteParentStatus>> grpcStatuses = new TreeMap<>();
    List<HasMetadata> routes = new ArrayList<>();
    routes.addAll(inputs.httpRoutes());
    routes.addAll(inputs.grpcRoutes());
    for (HasMetadata route : sorted(routes)) {
      switch (route) {
        case HTTPRoute r
            when r.getSpec() != null && attacher.hasParent(r, r.getSpec().getParentRefs()) ->
            attacher.attach(
                r,
                "HTTPRoute",
                r.getSpec().getParentRefs(),
                r.getSpec().getHostnames(),
                HttpRules.translate(
                    backends, r.getMetadata().getNamespace(), r.getSpec().getRules()),
                httpStatuses);
        case GRPCRoute r
            when r.getSpec() != null && attacher.hasParent(r, r.getSpec().getParentRefs()) ->
            attacher.attach(
                r,
                "GRPCRoute",
                r.getSpec().getParentRefs(),
                r.getSpec().getHostnames(),
                GrpcRules.translate(
                    backends, r.getMetadata().getNamespace(), r.getSpec().getRules()),
                grpcStatuses);
        default -> {}
      }
    }

    PolicyTranslator.Result policies =
        PolicyTranslator.translate(
            inputs,
            classes,
            b -> {
              AgentgatewayBackends.Translated t = agentgatewayBackends.translate(b);
              return t.ok() ? t.backend().name() : null;
            });
    Endpoints endpoints = new Endpoints(inputs.services(), inputs.endpointSlices());
    Map<GatewayKey, List<Object>> resources = new LinkedHashMap<>();
    Map<GatewayKey, GatewayStatus> gatewayStatuses = new LinkedHashMap<>();
    for (GatewayModel g : gateways.values()) {
      List<Object> ir = resources(g, endpoints, policies.of(g.key));
      resources.put(g.key, ir);
      gatewayStatuses.put(g.key, Statuses.gateway(g, listenerSets.values()));
    }
    Map<ObjectKey, ListenerSetStatus> listenerSetStatuses = new TreeMap<>();
    listenerSets.forEach((k, set) -> listenerSetStatuses.put(k, Statuses.listenerSet(set)));
    return new Translation(
        resources,
        classStatuses,
        gatewayStatuses,
        httpStatuses,
        grpcStatuses,
        agentgatewayBackends.statuses(inputs.backends()),
        listenerSetStatuses,
        policies.statuses());
  }

  /**
   * A Gateway's IR: binds, usable listeners, routes, its policies, and the endpoints of the
   * Services used (by routes, or called by policies: ext_authz, rate limit services).
   */
  private static List<Object> resources(
      GatewayModel g, Endpoints endpoints, List<dev.agentgateway.model.ir.Policy> policies) {
    List<Object> ir = new ArrayList<>();
    ir.addAll(GatewayListeners.binds(g.key, g.listeners));
    g.listeners.stream().filter(ListenerModel::usable).forEach(l -> ir.add(l.ir()));
    ir.addAll(g.routes);
    // The endpoints of every Service the Gateway's routes reach, once each.
    Set<Backend.Service> services = new TreeSet<>(Comparator.comparing(Backend::name));
    for (Route r : g.routes) {
      r.backends().forEach(b -> services.addAll(b.backend().services()));
      if (r.policies().requestMirror() != null) {
        services.addAll(r.policies().requestMirror().backend().services());
      }
    }
    for (var p : policies) {
      if (p.policy().extAuthz() != null) {
        services.addAll(p.policy().extAuthz().target().services());
      }
      if (p.policy().remoteRateLimit() != null) {
        services.addAll(p.policy().remoteRateLimit().target().services());
      }
    }
    services.forEach(s -> ir.add(endpoints.of(s)));
    ir.addAll(policies);
    return ir;
  }

  /** Routes in Gateway API precedence order: oldest first, then by namespace/name. */
  private static List<HasMetadata> sorted(List<HasMetadata> routes) {
    return routes.stream()
        .sorted(
            Comparator.comparing(
                    (HasMetadata r) ->
                        Objects.requireNonNullElse(r.getMetadata().getCreationTimestamp(), ""))
                .thenComparing(ObjectKey::of))
        .toList();
  }
}
