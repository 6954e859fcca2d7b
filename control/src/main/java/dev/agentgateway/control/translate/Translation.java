package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSetStatus;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The result of one translation.
 *
 * @param resources per Gateway of our class, the IR values to publish over xDS
 * @param gatewayClasses status of each GatewayClass of our controller, by name
 * @param gateways status of each Gateway of our class
 * @param httpRoutes per HTTPRoute, the parent entries this controller owns (other controllers'
 *     entries are kept by the status writer)
 * @param grpcRoutes the same for each GRPCRoute
 * @param backends the status conditions of each AgentgatewayBackend
 * @param listenerSets status of each ListenerSet whose parent is a Gateway of ours
 * @param policies per AgentgatewayPolicy, the ancestor entries this controller owns
 */
public record Translation(
    Map<GatewayKey, List<Object>> resources,
    Map<String, GatewayClassStatus> gatewayClasses,
    Map<GatewayKey, GatewayStatus> gateways,
    Map<ObjectKey, List<RouteParentStatus>> httpRoutes,
    Map<ObjectKey, List<RouteParentStatus>> grpcRoutes,
    Map<ObjectKey, List<Condition>> backends,
    Map<ObjectKey, ListenerSetStatus> listenerSets,
    Map<ObjectKey, List<PolicyAncestorStatus>> policies) {

  public Translation {
    resources = Map.copyOf(resources);
    gatewayClasses = Map.copyOf(gatewayClasses);
    gateways = Map.copyOf(gateways);
    httpRoutes = Map.copyOf(httpRoutes);
    grpcRoutes = Map.copyOf(grpcRoutes);
    backends = Map.copyOf(backends);
    listenerSets = Map.copyOf(listenerSets);
    policies = Map.copyOf(policies);
  }

  /**
   * This (full) translation with the Gateways in {@code scope} replaced by {@code partial}'s
   * (translated with that scope): their IR, their status, and the route parent entries naming them,
   * kept in each route's parentRefs order. Everything not tied to one Gateway (classes, backends,
   * ListenerSets, policies) is taken from {@code partial}, which computed it in full.
   *
   * @param parentOrder the position of a route parent entry among the route's parentRefs
   */
  public Translation merge(
      Translation partial,
      Predicate<GatewayKey> scope,
      java.util.function.ToIntBiFunction<ObjectKey, RouteParentStatus> parentOrder) {
    Map<GatewayKey, List<Object>> mergedResources = new java.util.LinkedHashMap<>();
    resources.forEach(
        (k, v) -> {
          if (!scope.test(k)) {
            mergedResources.put(k, v);
          }
        });
    mergedResources.putAll(partial.resources);
    Map<GatewayKey, GatewayStatus> mergedGateways = new java.util.LinkedHashMap<>();
    gateways.forEach(
        (k, v) -> {
          if (!scope.test(k)) {
            mergedGateways.put(k, v);
          }
        });
    mergedGateways.putAll(partial.gateways);
    return new Translation(
        mergedResources,
        partial.gatewayClasses,
        mergedGateways,
        mergeParents(httpRoutes, partial.httpRoutes, scope, parentOrder),
        mergeParents(grpcRoutes, partial.grpcRoutes, scope, parentOrder),
        partial.backends,
        listenerSets,
        partial.policies);
  }

  private static Map<ObjectKey, List<RouteParentStatus>> mergeParents(
      Map<ObjectKey, List<RouteParentStatus>> full,
      Map<ObjectKey, List<RouteParentStatus>> partial,
      Predicate<GatewayKey> scope,
      java.util.function.ToIntBiFunction<ObjectKey, RouteParentStatus> parentOrder) {
    Map<ObjectKey, List<RouteParentStatus>> out = new java.util.TreeMap<>();
    java.util.Set<ObjectKey> routes = new java.util.HashSet<>(full.keySet());
    routes.addAll(partial.keySet());
    for (ObjectKey route : routes) {
      List<RouteParentStatus> entries = new java.util.ArrayList<>();
      for (RouteParentStatus p : full.getOrDefault(route, List.of())) {
        GatewayKey gateway = gatewayOf(p);
        if (gateway == null || !scope.test(gateway)) {
          entries.add(p);
        }
      }
      entries.addAll(partial.getOrDefault(route, List.of()));
      if (!entries.isEmpty()) {
        entries.sort(java.util.Comparator.comparingInt(p -> parentOrder.applyAsInt(route, p)));
        out.put(route, List.copyOf(entries));
      }
    }
    return out;
  }

  /** The Gateway a parent entry names; null for a ListenerSet parent (merged in full only). */
  private static GatewayKey gatewayOf(RouteParentStatus parent) {
    String kind = parent.getParentRef().getKind();
    if (kind != null && !kind.equals("Gateway")) {
      return null;
    }
    return new GatewayKey(parent.getParentRef().getNamespace(), parent.getParentRef().getName());
  }
}
