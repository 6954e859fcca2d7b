package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy's ServiceAccount: its name is the Gateway's, which xDS authentication relies on. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyServiceAccountDependent extends GatewayOwnedDependent<ServiceAccount> {
  public ProxyServiceAccountDependent() {
    super(ServiceAccount.class, ProxyPlan::serviceAccount, ResourceNames::fit);
  }
}
