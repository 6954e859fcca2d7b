package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy Deployment's HorizontalPodAutoscaler, while the parameters have that overlay. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyAutoscalerDependent extends GatewayOwnedDependent<HorizontalPodAutoscaler> {
  public ProxyAutoscalerDependent() {
    super(HorizontalPodAutoscaler.class, ProxyPlan::autoscaler, ResourceNames::fit);
  }
}
