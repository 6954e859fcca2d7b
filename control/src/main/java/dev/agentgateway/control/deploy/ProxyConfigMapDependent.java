package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy's {@code config.yaml} ConfigMap, named after the Gateway. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyConfigMapDependent extends GatewayOwnedDependent<ConfigMap> {
  public ProxyConfigMapDependent() {
    super(ConfigMap.class, ProxyPlan::config, ResourceNames::fit);
  }
}
