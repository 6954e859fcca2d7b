package dev.agentgateway.control.sync;

import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import java.util.Set;

/** What provisioning reports about a Gateway's proxy, read when its status is translated. */
@FunctionalInterface
public interface InfrastructureSource {
  /** The proxy's state for {@code gateway}, from what {@code cache} holds. */
  Infrastructure of(Gateway gateway, ClusterCache cache);

  /** Forgets Gateways not in {@code existing}; called after every translation. */
  default void retainOnly(Set<GatewayKey> existing) {}
}
