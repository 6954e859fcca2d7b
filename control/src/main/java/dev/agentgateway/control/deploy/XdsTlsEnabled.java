package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Keeps the xDS CA ConfigMap only while xDS uses TLS; JOSDK deletes it otherwise. */
public class XdsTlsEnabled implements Condition<ConfigMap, Gateway> {
  @Override
  public boolean isMet(
      DependentResource<ConfigMap, Gateway> dependentResource,
      Gateway gateway,
      Context<Gateway> context) {
    return GatewayReconciler.plan(context).xdsCa() != null;
  }
}
