package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The {@code <gw>-xds-ca} ConfigMap; only while xDS uses TLS (see {@link XdsTlsEnabled}). */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class XdsCaConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, Gateway> {
  public XdsCaConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(Gateway gateway, Context<Gateway> context) {
    return ProxyResources.convert(GatewayReconciler.plan(context).xdsCa(), ConfigMap.class);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Gateway gateway, Context<Gateway> context) {
    return new ResourceID(
        ResourceNames.xdsCa(gateway.getMetadata().getName()), gateway.getMetadata().getNamespace());
  }
}
