package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy pods' PodDisruptionBudget, while the parameters have that overlay. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyPodDisruptionBudgetDependent extends GatewayOwnedDependent<PodDisruptionBudget> {
  public ProxyPodDisruptionBudgetDependent() {
    super(PodDisruptionBudget.class, ProxyPlan::podDisruptionBudget, ResourceNames::fit);
  }
}
