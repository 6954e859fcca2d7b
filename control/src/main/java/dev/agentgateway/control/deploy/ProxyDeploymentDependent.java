package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The proxy Deployment. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyDeploymentDependent extends CRUDKubernetesDependentResource<Deployment, Gateway> {
  public ProxyDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(Gateway gateway, Context<Gateway> context) {
    return ProxyResources.convert(GatewayReconciler.plan(context).deployment(), Deployment.class);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Gateway gateway, Context<Gateway> context) {
    return new ResourceID(
        ResourceNames.fit(gateway.getMetadata().getName()), gateway.getMetadata().getNamespace());
  }
}
