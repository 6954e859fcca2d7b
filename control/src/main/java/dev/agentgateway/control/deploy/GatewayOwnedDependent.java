package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A proxy object owned by its Gateway: its desired state comes from the reconcile's {@link
 * ProxyPlan}, and it carries a controller owner reference (as upstream's deployer sets), so the
 * garbage collector deletes it with the Gateway and nobody else adopts it.
 */
abstract class GatewayOwnedDependent<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, Gateway> {
  private final Function<ProxyPlan, R> part;
  private final Function<String, String> name;

  /**
   * @param part the plan's object for this dependent
   * @param name the object's name from the Gateway's name
   */
  GatewayOwnedDependent(Class<R> type, Function<ProxyPlan, R> part, Function<String, String> name) {
    super(type);
    this.part = part;
    this.name = name;
  }

  @Override
  protected R desired(Gateway gateway, Context<Gateway> context) {
    // A copy: JOSDK adds metadata to the desired object, which is asked for more than once.
    return ProxyResources.convert(part.apply(GatewayReconciler.plan(context)), resourceType());
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Gateway gateway, Context<Gateway> context) {
    return new ResourceID(
        name.apply(gateway.getMetadata().getName()), gateway.getMetadata().getNamespace());
  }

  @Override
  protected void addReferenceHandlingMetadata(R desired, Gateway gateway) {
    List<io.fabric8.kubernetes.api.model.OwnerReference> refs = new ArrayList<>();
    refs.add(
        new OwnerReferenceBuilder()
            .withApiVersion(gateway.getApiVersion())
            .withKind(gateway.getKind())
            .withName(gateway.getMetadata().getName())
            .withUid(gateway.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build());
    desired.getMetadata().setOwnerReferences(refs);
  }
}
