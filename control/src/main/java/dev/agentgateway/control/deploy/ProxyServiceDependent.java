package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The proxy's Service, one port per listener port. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyServiceDependent extends CRUDKubernetesDependentResource<Service, Gateway> {
  public ProxyServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(Gateway gateway, Context<Gateway> context) {
    return ProxyResources.convert(GatewayReconciler.plan(context).service(), Service.class);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Gateway gateway, Context<Gateway> context) {
    return new ResourceID(
        ResourceNames.fit(gateway.getMetadata().getName()), gateway.getMetadata().getNamespace());
  }
}
