package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything translation reads: the objects the controller watches (already limited to the
 * discovery namespaces), what provisioning reports per Gateway, and whether MCP stdio targets are
 * allowed ({@code AGW_MCP_STDIO_ENABLED}), the AgentgatewayPolicies, and the Secrets and ConfigMaps
 * policies may read credentials and CA certificates from (only looked up by reference or selector).
 */
public record Inputs(
    String controllerName,
    List<GatewayClass> gatewayClasses,
    List<Gateway> gateways,
    List<ListenerSet> listenerSets,
    List<HTTPRoute> httpRoutes,
    List<GRPCRoute> grpcRoutes,
    List<ReferenceGrant> referenceGrants,
    List<Service> services,
    List<AgentgatewayBackend> backends,
    List<EndpointSlice> endpointSlices,
    List<Namespace> namespaces,
    Map<GatewayKey, Infrastructure> infrastructure,
    boolean mcpStdioEnabled,
    List<AgentgatewayPolicy> policies,
    List<Secret> secrets,
    List<ConfigMap> configMaps) {

  public Inputs {
    Objects.requireNonNull(controllerName, "controllerName");
    gatewayClasses = List.copyOf(gatewayClasses);
    gateways = List.copyOf(gateways);
    listenerSets = List.copyOf(listenerSets);
    httpRoutes = List.copyOf(httpRoutes);
    grpcRoutes = List.copyOf(grpcRoutes);
    referenceGrants = List.copyOf(referenceGrants);
    services = List.copyOf(services);
    backends = List.copyOf(backends);
    endpointSlices = List.copyOf(endpointSlices);
    namespaces = List.copyOf(namespaces);
    infrastructure = Map.copyOf(infrastructure);
    policies = List.copyOf(policies);
    secrets = List.copyOf(secrets);
    configMaps = List.copyOf(configMaps);
  }

  /** Inputs without Secrets and ConfigMaps. */
  public Inputs(
      String controllerName,
      List<GatewayClass> gatewayClasses,
      List<Gateway> gateways,
      List<ListenerSet> listenerSets,
      List<HTTPRoute> httpRoutes,
      List<GRPCRoute> grpcRoutes,
      List<ReferenceGrant> referenceGrants,
      List<Service> services,
      List<AgentgatewayBackend> backends,
      List<EndpointSlice> endpointSlices,
      List<Namespace> namespaces,
      Map<GatewayKey, Infrastructure> infrastructure,
      boolean mcpStdioEnabled,
      List<AgentgatewayPolicy> policies) {
    this(
        controllerName,
        gatewayClasses,
        gateways,
        listenerSets,
        httpRoutes,
        grpcRoutes,
        referenceGrants,
        services,
        backends,
        endpointSlices,
        namespaces,
        infrastructure,
        mcpStdioEnabled,
        policies,
        List.of(),
        List.of());
  }

  /** Inputs without AgentgatewayPolicies. */
  public Inputs(
      String controllerName,
      List<GatewayClass> gatewayClasses,
      List<Gateway> gateways,
      List<ListenerSet> listenerSets,
      List<HTTPRoute> httpRoutes,
      List<GRPCRoute> grpcRoutes,
      List<ReferenceGrant> referenceGrants,
      List<Service> services,
      List<AgentgatewayBackend> backends,
      List<EndpointSlice> endpointSlices,
      List<Namespace> namespaces,
      Map<GatewayKey, Infrastructure> infrastructure,
      boolean mcpStdioEnabled) {
    this(
        controllerName,
        gatewayClasses,
        gateways,
        listenerSets,
        httpRoutes,
        grpcRoutes,
        referenceGrants,
        services,
        backends,
        endpointSlices,
        namespaces,
        infrastructure,
        mcpStdioEnabled,
        List.of(),
        List.of(),
        List.of());
  }
}
