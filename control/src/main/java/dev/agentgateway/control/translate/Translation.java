package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSetStatus;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;
import java.util.Map;

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
 */
public record Translation(
    Map<GatewayKey, List<Object>> resources,
    Map<String, GatewayClassStatus> gatewayClasses,
    Map<GatewayKey, GatewayStatus> gateways,
    Map<ObjectKey, List<RouteParentStatus>> httpRoutes,
    Map<ObjectKey, List<RouteParentStatus>> grpcRoutes,
    Map<ObjectKey, List<Condition>> backends,
    Map<ObjectKey, ListenerSetStatus> listenerSets) {

  public Translation {
    resources = Map.copyOf(resources);
    gatewayClasses = Map.copyOf(gatewayClasses);
    gateways = Map.copyOf(gateways);
    httpRoutes = Map.copyOf(httpRoutes);
    grpcRoutes = Map.copyOf(grpcRoutes);
    backends = Map.copyOf(backends);
    listenerSets = Map.copyOf(listenerSets);
  }
}
