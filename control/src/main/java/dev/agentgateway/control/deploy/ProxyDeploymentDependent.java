package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy Deployment. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyDeploymentDependent extends GatewayOwnedDependent<Deployment> {
  public ProxyDeploymentDependent() {
    super(Deployment.class, ProxyPlan::deployment, ResourceNames::fit);
  }
}
