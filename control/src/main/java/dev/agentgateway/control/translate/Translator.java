package dev.agentgateway.control.translate;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Route;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SupportedFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
    Set<String> classes =
        inputs.gatewayClasses().stream()
            .filter(c -> c.getSpec() != null)
            .filter(c -> inputs.controllerName().equals(c.getSpec().getControllerName()))
            .map(c -> c.getMetadata().getName())
            .collect(Collectors.toSet());
    Map<String, GatewayClassStatus> classStatuses = new TreeMap<>();
    for (GatewayClass c : inputs.gatewayClasses()) {
      if (classes.contains(c.getMetadata().getName())) {
        classStatuses.put(c.getMetadata().getName(), classStatus(c));
      }
    }

    Map<GatewayKey, GatewayModel> gateways =
        new TreeMap<>(Comparator.comparing(GatewayKey::toString));
    for (Gateway g : inputs.gateways()) {
      if (g.getSpec() != null && classes.contains(g.getSpec().getGatewayClassName())) {
        GatewayKey key = new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName());
        Infrastructure infra = inputs.infrastructure().getOrDefault(key, Infrastructure.PENDING);
        gateways.put(key, new GatewayModel(key, g, infra, GatewayListeners.of(key, g)));
      }
    }

    BackendRefs backends =
        new BackendRefs(
            inputs.services(), inputs.backends(), new ReferenceGrants(inputs.referenceGrants()));
    Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    for (Namespace n : inputs.namespaces()) {
      namespaceLabels.put(
          n.getMetadata().getName(),
          Objects.requireNonNullElse(n.getMetadata().getLabels(), Map.of()));
    }
    Attacher attacher = new Attacher(gateways, namespaceLabels, inputs.controllerName());
    Map<ObjectKey, List<RouteParentStatus>> httpStatuses = new TreeMap<>();
    Map<ObjectKey, List<RouteParentStatus>> grpcStatuses = new TreeMap<>();
    List<HasMetadata> routes = new ArrayList<>();
    routes.addAll(inputs.httpRoutes());
    routes.addAll(inputs.grpcRoutes());
    for (HasMetadata route : sorted(routes)) {
      switch (route) {
        case HTTPRoute r when r.getSpec() != null ->
            attacher.attach(
                r,
                "HTTPRoute",
                r.getSpec().getParentRefs(),
                r.getSpec().getHostnames(),
                HttpRules.translate(
                    backends, r.getMetadata().getNamespace(), r.getSpec().getRules()),
                httpStatuses);
        case GRPCRoute r when r.getSpec() != null ->
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

    Endpoints endpoints = new Endpoints(inputs.services(), inputs.endpointSlices());
    Map<GatewayKey, List<Object>> resources = new LinkedHashMap<>();
    Map<GatewayKey, GatewayStatus> gatewayStatuses = new LinkedHashMap<>();
    for (GatewayModel g : gateways.values()) {
      List<Object> ir = new ArrayList<>();
      ir.addAll(GatewayListeners.binds(g.key, g.listeners));
      g.listeners.stream().filter(ListenerModel::usable).forEach(l -> ir.add(l.ir()));
      ir.addAll(g.routes);
      // The endpoints of every Service the Gateway's routes reach, once each.
      Set<Backend.Service> services = new java.util.TreeSet<>(Comparator.comparing(Backend::name));
      for (Route r : g.routes) {
        r.backends()
            .forEach(
                b -> {
                  if (b.backend() instanceof Backend.Service s) {
                    services.add(s);
                  }
                });
        if (r.policies().requestMirror() != null
            && r.policies().requestMirror().backend() instanceof Backend.Service s) {
          services.add(s);
        }
      }
      services.forEach(s -> ir.add(endpoints.of(s)));
      resources.put(g.key, ir);
      gatewayStatuses.put(g.key, gatewayStatus(g));
    }
    return new Translation(
        resources,
        classStatuses,
        gatewayStatuses,
        httpStatuses,
        grpcStatuses,
        AgentgatewayBackends.statuses(inputs.backends()));
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

  /** Attaches routes to the listeners of our Gateways, collecting IR routes and parent statuses. */
  private static final class Attacher {
    private final Map<GatewayKey, GatewayModel> gateways;
    private final Map<String, Map<String, String>> namespaceLabels;
    private final String controllerName;
    private int order;

    Attacher(
        Map<GatewayKey, GatewayModel> gateways,
        Map<String, Map<String, String>> namespaceLabels,
        String controllerName) {
      this.gateways = gateways;
      this.namespaceLabels = namespaceLabels;
      this.controllerName = controllerName;
    }

    void attach(
        HasMetadata route,
        String kind,
        List<ParentReference> parentRefs,
        List<String> hostnames,
        RouteRules rules,
        Map<ObjectKey, List<RouteParentStatus>> statuses) {
      List<RouteParentStatus> parents = new ArrayList<>();
      for (ParentReference parent :
          Objects.requireNonNullElse(parentRefs, List.<ParentReference>of())) {
        GatewayModel gateway = parentGateway(route, parent);
        if (gateway != null) { // else not a Gateway of ours: its controller reports on it
          parents.add(parent(route, kind, parent, gateway, hostnames, rules));
        }
      }
      order += rules.rules().size();
      if (!parents.isEmpty()) {
        statuses.put(ObjectKey.of(route), parents);
      }
    }

    private GatewayModel parentGateway(HasMetadata route, ParentReference parent) {
      String group = parent.getGroup() == null ? GatewayListeners.GROUP : parent.getGroup();
      String kind = parent.getKind() == null ? "Gateway" : parent.getKind();
      if (!group.equals(GatewayListeners.GROUP) || !kind.equals("Gateway")) {
        return null;
      }
      String ns =
          parent.getNamespace() == null
              ? route.getMetadata().getNamespace()
              : parent.getNamespace();
      return gateways.get(new GatewayKey(ns, parent.getName()));
    }

    private RouteParentStatus parent(
        HasMetadata route,
        String kind,
        ParentReference parent,
        GatewayModel gateway,
        List<String> routeHostnames,
        RouteRules rules) {
      String routeNs = route.getMetadata().getNamespace();
      List<ListenerModel> candidates =
          gateway.listeners.stream()
              .filter(
                  l -> parent.getSectionName() == null || parent.getSectionName().equals(l.name()))
              .filter(l -> parent.getPort() == null || parent.getPort() == l.port())
              .toList();
      String reason = null;
      String message = null;
      if (candidates.isEmpty()) {
        reason = "NoMatchingParent";
        message = "no listener matches the parentRef's sectionName and port";
      } else if (rules.unsupported() != null) {
        reason = "UnsupportedValue";
        message = rules.unsupported();
      } else {
        boolean allowed = false;
        int attached = 0;
        for (ListenerModel listener : candidates) {
          if (!listener.usable()
              || !listener.accepts(kind)
              || !namespaceAllowed(listener, gateway.key.namespace(), routeNs, namespaceLabels)) {
            continue;
          }
          allowed = true;
          List<String> hostnames = Hostnames.intersect(listener.hostname(), routeHostnames);
          if (hostnames == null) {
            continue;
          }
          attached++;
          gateway.attachedRoutes.merge(listener.name(), 1, Integer::sum);
          for (int i = 0; i < rules.rules().size(); i++) {
            RuleIr rule = rules.rules().get(i);
            gateway.routes.add(
                new Route(
                    routeNs + "/" + route.getMetadata().getName() + "." + i + "." + listener.name(),
                    listener.ir().key(),
                    route.getMetadata().getName(),
                    routeNs,
                    rule.name(),
                    hostnames,
                    rule.matches(),
                    rule.policies(),
                    rule.backends(),
                    order + i));
          }
        }
        if (attached == 0) {
          reason = allowed ? "NoMatchingListenerHostname" : "NotAllowedByListeners";
          message =
              allowed
                  ? "no listener hostname intersects the route's hostnames"
                  : "no listener allows this route (kind, namespace, or the listener is invalid)";
        }
      }
      List<Condition> conditions = new ArrayList<>();
      conditions.add(
          reason == null
              ? Conditions.of(route, "Accepted", true, "Accepted", "Route is accepted")
              : Conditions.of(route, "Accepted", false, reason, message));
      conditions.add(
          rules.refProblem() == null
              ? Conditions.of(
                  route, "ResolvedRefs", true, "ResolvedRefs", "All references resolved")
              : Conditions.of(
                  route,
                  "ResolvedRefs",
                  false,
                  rules.refProblem().reason(),
                  rules.refProblem().message()));
      return new RouteParentStatusBuilder()
          .withControllerName(controllerName)
          .withParentRef(
              new ParentReferenceBuilder(parent)
                  .withGroup(GatewayListeners.GROUP)
                  .withKind("Gateway")
                  .withNamespace(gateway.key.namespace())
                  .build())
          .withConditions(conditions)
          .build();
    }
  }

  private static boolean namespaceAllowed(
      ListenerModel listener,
      String gatewayNs,
      String routeNs,
      Map<String, Map<String, String>> namespaceLabels) {
    String from =
        listener.namespaces() == null || listener.namespaces().getFrom() == null
            ? "Same"
            : listener.namespaces().getFrom();
    return switch (from) {
      case "All" -> true;
      case "Selector" ->
          Selectors.matches(
              listener.namespaces().getSelector(),
              namespaceLabels.getOrDefault(
                  routeNs, Map.of("kubernetes.io/metadata.name", routeNs)));
      default -> gatewayNs.equals(routeNs);
    };
  }

  private static GatewayClassStatus classStatus(GatewayClass c) {
    return new GatewayClassStatusBuilder()
        .withConditions(
            Conditions.of(
                c, "Accepted", true, "Accepted", "Accepted by " + c.getSpec().getControllerName()))
        .withSupportedFeatures(
            SUPPORTED_FEATURES.stream()
                .map(
                    n -> {
                      var f = new SupportedFeature();
                      f.setName(n);
                      return f;
                    })
                .toList())
        .build();
  }

  private static GatewayStatus gatewayStatus(GatewayModel g) {
    Gateway gw = g.gateway;
    boolean accepted = g.infrastructure.parametersError() == null;
    List<Condition> conditions = new ArrayList<>();
    conditions.add(
        accepted
            ? Conditions.of(gw, "Accepted", true, "Accepted", "Gateway is accepted")
            : Conditions.of(
                gw, "Accepted", false, "InvalidParameters", g.infrastructure.parametersError()));
    boolean programmed = accepted && g.infrastructure.available();
    conditions.add(
        !accepted
            ? Conditions.of(gw, "Programmed", false, "Invalid", "Gateway is not accepted")
            : programmed
                ? Conditions.of(gw, "Programmed", true, "Programmed", "Proxy is available")
                : Conditions.of(
                    gw,
                    "Programmed",
                    false,
                    "Pending",
                    "Waiting for the proxy Deployment to become available"));
    List<ListenerStatus> listeners = new ArrayList<>();
    for (ListenerModel l : g.listeners) {
      List<Condition> lc = new ArrayList<>(l.conditions());
      lc.add(
          !l.usable()
              ? Conditions.of(gw, "Programmed", false, "Invalid", "Listener is not valid")
              : programmed
                  ? Conditions.of(gw, "Programmed", true, "Programmed", "Listener is programmed")
                  : Conditions.of(gw, "Programmed", false, "Pending", "Waiting for the proxy"));
      listeners.add(
          new ListenerStatusBuilder()
              .withName(l.name())
              .withAttachedRoutes(g.attachedRoutes.getOrDefault(l.name(), 0))
              .withSupportedKinds(l.supportedKinds())
              .withConditions(lc)
              .build());
    }
    return new GatewayStatusBuilder()
        .withAddresses(g.infrastructure.addresses())
        .withConditions(conditions)
        .withListeners(listeners)
        .build();
  }

  /** A Gateway of our class while its routes are attached. */
  private static final class GatewayModel {
    final GatewayKey key;
    final Gateway gateway;
    final Infrastructure infrastructure;
    final List<ListenerModel> listeners;
    final List<Route> routes = new ArrayList<>();
    final Map<String, Integer> attachedRoutes = new HashMap<>();

    GatewayModel(
        GatewayKey key,
        Gateway gateway,
        Infrastructure infrastructure,
        List<ListenerModel> listeners) {
      this.key = key;
      this.gateway = gateway;
      this.infrastructure = infrastructure;
      this.listeners = listeners;
    }
  }
}
