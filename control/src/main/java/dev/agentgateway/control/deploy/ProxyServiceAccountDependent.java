package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The proxy's ServiceAccount: its name is the Gateway's, which xDS authentication relies on. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyServiceAccountDependent
    extends CRUDKubernetesDependentResource<ServiceAccount, Gateway> {
  public ProxyServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected ServiceAccount desired(Gateway gateway, Context<Gateway> context) {
    return ProxyResources.convert(
        GatewayReconciler.plan(context).serviceAccount(), ServiceAccount.class);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Gateway gateway, Context<Gateway> context) {
    return new ResourceID(
        ResourceNames.fit(gateway.getMetadata().getName()), gateway.getMetadata().getNamespace());
  }
}
