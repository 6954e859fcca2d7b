package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The proxy's {@code config.yaml} ConfigMap, named after the Gateway. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, Gateway> {
  public ProxyConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(Gateway gateway, Context<Gateway> context) {
    return ProxyResources.convert(GatewayReconciler.plan(context).config(), ConfigMap.class);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Gateway gateway, Context<Gateway> context) {
    return new ResourceID(
        ResourceNames.fit(gateway.getMetadata().getName()), gateway.getMetadata().getNamespace());
  }
}
