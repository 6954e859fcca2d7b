package dev.agentgateway.control.translate;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.model.ir.Route;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Attaches routes to the listeners of our Gateways and ListenerSets, collecting IR routes into the
 * Gateway models and one parent status per parentRef of ours. A parentRef to a Gateway reaches only
 * the Gateway's own listeners; a ListenerSet's are reached through a parentRef to the ListenerSet.
 */
final class RouteAttacher {
  private final Map<GatewayKey, GatewayModel> gateways;
  private final Map<ObjectKey, ListenerSetModel> listenerSets;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final String controllerName;

  /** 2020-01-01T00:00:00Z: route orders count seconds from here, which fits an int until 2088. */
  private static final long ORDER_EPOCH_SECONDS = 1_577_836_800L;

  RouteAttacher(
      Map<GatewayKey, GatewayModel> gateways,
      Map<ObjectKey, ListenerSetModel> listenerSets,
      Map<String, Map<String, String>> namespaceLabels,
      String controllerName) {
    this.gateways = gateways;
    this.listenerSets = listenerSets;
    this.namespaceLabels = namespaceLabels;
    this.controllerName = controllerName;
  }

  /** The parent a parentRef names: a Gateway, or a ListenerSet of one. */
  private record Parent(GatewayModel gateway, ListenerSetModel listenerSet) {
    List<ListenerModel> listeners() {
      return listenerSet != null
          ? listenerSet.listeners()
          : gateway.listeners.stream().filter(l -> l.listenerSet() == null).toList();
    }
  }

  /** Attaches {@code route} of {@code kind}, recording its parent statuses in {@code statuses}. */
  void attach(
      HasMetadata route,
      String kind,
      List<ParentReference> parentRefs,
      List<String> hostnames,
      RouteRules rules,
      Map<ObjectKey, List<RouteParentStatus>> statuses) {
    List<RouteParentStatus> parents = new ArrayList<>();
    for (ParentReference ref : Objects.requireNonNullElse(parentRefs, List.<ParentReference>of())) {
      Parent parent = parent(route, ref);
      if (parent != null) { // else not a parent of ours: its controller reports on it
        parents.add(status(route, kind, ref, parent, hostnames, rules));
      }
    }
    if (!parents.isEmpty()) {
      statuses.put(ObjectKey.of(route), parents);
    }
  }

  /**
   * The route's precedence among equally specific matches: its creation time in seconds (Gateway
   * API: oldest first; the proxy then breaks ties by namespace, name and key). Derived from the
   * route alone, so adding or deleting another route never changes this one's IR (and never
   * re-pushes it).
   */
  static int order(HasMetadata route) {
    String created = route.getMetadata().getCreationTimestamp();
    if (created == null || created.isEmpty()) {
      return 0;
    }
    try {
      long seconds = Instant.parse(created).getEpochSecond() - ORDER_EPOCH_SECONDS;
      return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  /** True when some parentRef of {@code route} names a Gateway or ListenerSet being translated. */
  boolean hasParent(HasMetadata route, List<ParentReference> parentRefs) {
    for (ParentReference ref : Objects.requireNonNullElse(parentRefs, List.<ParentReference>of())) {
      if (parent(route, ref) != null) {
        return true;
      }
    }
    return false;
  }

  private Parent parent(HasMetadata route, ParentReference ref) {
    String group = Objects.requireNonNullElse(ref.getGroup(), GatewayListeners.GROUP);
    String kind = Objects.requireNonNullElse(ref.getKind(), "Gateway");
    String ns = Objects.requireNonNullElse(ref.getNamespace(), route.getMetadata().getNamespace());
    if (!group.equals(GatewayListeners.GROUP)) {
      return null;
    }
    if (kind.equals("Gateway")) {
      GatewayModel g = gateways.get(new GatewayKey(ns, ref.getName()));
      return g == null ? null : new Parent(g, null);
    }
    if (kind.equals("ListenerSet")) {
      ListenerSetModel set = listenerSets.get(new ObjectKey(ns, ref.getName()));
      return set == null ? null : new Parent(set.gateway(), set);
    }
    return null;
  }

  private RouteParentStatus status(
      HasMetadata route,
      String kind,
      ParentReference ref,
      Parent parent,
      List<String> routeHostnames,
      RouteRules rules) {
    String routeNs = route.getMetadata().getNamespace();
    GatewayModel gateway = parent.gateway();
    List<ListenerModel> candidates =
        parent.listeners().stream()
            .filter(l -> ref.getSectionName() == null || ref.getSectionName().equals(l.name()))
            .filter(l -> ref.getPort() == null || ref.getPort() == l.port())
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
            || !namespaceAllowed(listener, routeNs, namespaceLabels)) {
          continue;
        }
        allowed = true;
        List<String> hostnames = Hostnames.intersect(listener.hostname(), routeHostnames);
        if (hostnames == null) {
          continue;
        }
        attached++;
        gateway.attachedRoutes.merge(listener.id(), 1, Integer::sum);
        for (int i = 0; i < rules.rules().size(); i++) {
          RuleIr rule = rules.rules().get(i);
          gateway.routes.add(
              new Route(
                  // Two-digit rule index (as upstream's keys): the proxy breaks remaining ties by
                  // key, so rule 2 must sort before rule 10.
                  routeNs
                      + "/"
                      + route.getMetadata().getName()
                      + "."
                      + (i < 10 ? "0" : "")
                      + i
                      + "."
                      + listener.id(),
                  listener.ir().key(),
                  route.getMetadata().getName(),
                  routeNs,
                  rule.name(),
                  hostnames,
                  rule.matches(),
                  rule.policies(),
                  rule.backends(),
                  order(route)));
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
            ? Conditions.of(route, "ResolvedRefs", true, "ResolvedRefs", "All references resolved")
            : Conditions.of(
                route,
                "ResolvedRefs",
                false,
                rules.refProblem().reason(),
                rules.refProblem().message()));
    ParentReference normalized =
        parent.listenerSet() == null
            ? new ParentReferenceBuilder(ref)
                .withGroup(GatewayListeners.GROUP)
                .withKind("Gateway")
                .withNamespace(gateway.key.namespace())
                .build()
            : new ParentReferenceBuilder(ref)
                .withGroup(GatewayListeners.GROUP)
                .withKind("ListenerSet")
                .withNamespace(parent.listenerSet().key().namespace())
                .build();
    return new RouteParentStatusBuilder()
        .withControllerName(controllerName)
        .withParentRef(normalized)
        .withConditions(conditions)
        .build();
  }

  /** Whether the listener's allowedRoutes admit routes from {@code routeNs}. */
  private static boolean namespaceAllowed(
      ListenerModel listener, String routeNs, Map<String, Map<String, String>> namespaceLabels) {
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
      default -> listener.namespace().equals(routeNs);
    };
  }
}
