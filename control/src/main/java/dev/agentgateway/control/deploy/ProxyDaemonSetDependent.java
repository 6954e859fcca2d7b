package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The proxy DaemonSet, when {@code workload.kind} is DaemonSet. */
@KubernetesDependent(informer = @Informer(labelSelector = ProxyResources.MANAGED_SELECTOR))
public class ProxyDaemonSetDependent extends GatewayOwnedDependent<DaemonSet> {
  public ProxyDaemonSetDependent() {
    super(DaemonSet.class, ProxyPlan::daemonSet, ResourceNames::fit);
  }
}
