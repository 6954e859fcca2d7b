package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Map;

/**
 * The objects that run and scale the proxy pods, before overlays: a Deployment or a DaemonSet
 * around {@link ProxyPod}'s template, and the bases of the optional PodDisruptionBudget and
 * HorizontalPodAutoscaler, whose settings come from the overlays.
 */
final class ProxyWorkload {
  private ProxyWorkload() {}

  static Deployment deployment(
      ObjectMeta meta, Map<String, String> selector, PodTemplateSpec template) {
    return new DeploymentBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withTemplate(template)
        .endSpec()
        .build();
  }

  static DaemonSet daemonSet(
      ObjectMeta meta, Map<String, String> selector, PodTemplateSpec template) {
    return new DaemonSetBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /** A PodDisruptionBudget over the proxy pods; the overlay adds minAvailable or maxUnavailable. */
  static PodDisruptionBudget podDisruptionBudget(ObjectMeta meta, Map<String, String> selector) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .endSpec()
        .build();
  }

  /** An autoscaler of the Deployment {@code name}; the overlay adds replicas and metrics. */
  static HorizontalPodAutoscaler autoscaler(ObjectMeta meta, String name) {
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(name)
        .endScaleTargetRef()
        .endSpec()
        .build();
  }
}
