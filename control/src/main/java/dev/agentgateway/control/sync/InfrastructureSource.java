package dev.agentgateway.control.sync;

import dev.agentgateway.control.translate.Infrastructure;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;

/** What provisioning reports about a Gateway's proxy, read when its status is translated. */
@FunctionalInterface
public interface InfrastructureSource {
  /** The proxy's state for {@code gateway}, from what {@code cache} holds. */
  Infrastructure of(Gateway gateway, ClusterCache cache);
}
