package dev.agentgateway.proxy.endpoints;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Service port's endpoints in one state, looked up by the route's {@link Backend.Service}
 * (record equality: no string is built per request).
 */
public final class EndpointTable {
  /** No services. */
  public static final EndpointTable EMPTY = new EndpointTable(Map.of());

  private final Map<Backend.Service, EndpointSet> byService;

  private EndpointTable(Map<Backend.Service, EndpointSet> byService) {
    this.byService = byService;
  }

  /**
   * Compiles {@code endpoints}; a later entry for the same Service port replaces an earlier one.
   */
  public static EndpointTable compile(List<ServiceEndpoints> endpoints) {
    if (endpoints.isEmpty()) {
      return EMPTY;
    }
    Map<Backend.Service, EndpointSet> byService = new HashMap<>();
    for (ServiceEndpoints e : endpoints) {
      byService.put(e.service(), EndpointSet.of(e));
    }
    return new EndpointTable(Map.copyOf(byService));
  }

  /** The endpoints of {@code service}, or {@code null} when no endpoints resource names it. */
  public EndpointSet get(Backend.Service service) {
    return byService.get(service);
  }

  /** The one-line reason a request to {@code service} gets a 503 when it has no endpoints. */
  public static String noEndpointsReason(Backend.Service service) {
    return "no ready endpoints for service " + service.name();
  }
}
