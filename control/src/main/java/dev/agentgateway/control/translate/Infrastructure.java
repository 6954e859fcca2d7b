package dev.agentgateway.control.translate;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import java.util.List;

/**
 * What provisioning knows about one Gateway's proxy, which its status reports.
 *
 * @param available the proxy Deployment has available replicas
 * @param addresses the addresses its Service exposes
 * @param parametersError why its AgentgatewayParameters could not be used, or null
 */
public record Infrastructure(
    boolean available, List<GatewayStatusAddress> addresses, String parametersError) {

  /** Not provisioned yet. */
  public static final Infrastructure PENDING = new Infrastructure(false, List.of(), null);

  public Infrastructure {
    addresses = List.copyOf(addresses);
  }
}
