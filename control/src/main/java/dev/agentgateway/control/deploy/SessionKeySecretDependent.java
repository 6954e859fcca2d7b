package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The {@code <gw>-session-key} Secret (see {@link SessionKey}). */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class SessionKeySecretDependent extends GatewayOwnedDependent<Secret> {
  public SessionKeySecretDependent() {
    super(Secret.class, ProxyPlan::sessionKey, ResourceNames::sessionKey);
  }
}
