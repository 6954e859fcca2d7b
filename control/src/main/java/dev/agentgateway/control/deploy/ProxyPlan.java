package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Objects;

/**
 * Every object one Gateway's proxy needs, computed once per reconcile and read by the dependents. A
 * null object is one the Gateway must not have (its dependent deletes it).
 *
 * @param deployment the proxy Deployment, null when the workload is a DaemonSet
 * @param daemonSet the proxy DaemonSet, null when the workload is a Deployment
 * @param xdsCa the {@code <gw>-xds-ca} ConfigMap, null when xDS runs in plaintext
 * @param sessionKey the {@code <gw>-session-key} Secret, null when the user sets {@code
 *     SESSION_KEY}
 * @param podDisruptionBudget null unless the parameters have a {@code podDisruptionBudget} overlay
 * @param autoscaler null unless the parameters have a {@code horizontalPodAutoscaler} overlay and
 *     the workload is a Deployment
 */
public record ProxyPlan(
    Deployment deployment,
    DaemonSet daemonSet,
    Service service,
    ServiceAccount serviceAccount,
    ConfigMap config,
    ConfigMap xdsCa,
    Secret sessionKey,
    PodDisruptionBudget podDisruptionBudget,
    HorizontalPodAutoscaler autoscaler) {
  public ProxyPlan {
    if ((deployment == null) == (daemonSet == null)) {
      throw new IllegalArgumentException("exactly one of deployment and daemonSet is required");
    }
    if (autoscaler != null && deployment == null) {
      throw new IllegalArgumentException("an autoscaler needs the Deployment workload");
    }
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(config, "config");
  }

  /** The proxy pod template of whichever workload runs it. */
  public PodTemplateSpec podTemplate() {
    return deployment != null
        ? deployment.getSpec().getTemplate()
        : daemonSet.getSpec().getTemplate();
  }
}
