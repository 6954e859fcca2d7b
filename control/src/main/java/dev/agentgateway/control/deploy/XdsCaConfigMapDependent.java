package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The {@code <gw>-xds-ca} ConfigMap; only while xDS uses TLS (see {@link PlanIncludes.WantsXdsCa}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class XdsCaConfigMapDependent extends GatewayOwnedDependent<ConfigMap> {
  public XdsCaConfigMapDependent() {
    super(ConfigMap.class, ProxyPlan::xdsCa, ResourceNames::xdsCa);
  }
}
