package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy's Service, one port per listener port. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyServiceDependent extends GatewayOwnedDependent<Service> {
  public ProxyServiceDependent() {
    super(Service.class, ProxyPlan::service, ResourceNames::fit);
  }
}
