package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.function.Function;

/**
 * Reconcile preconditions of the optional dependents: met while the reconcile's {@link ProxyPlan}
 * has the object; when not, JOSDK deletes it (and whatever depends on it).
 */
abstract class PlanIncludes<R extends HasMetadata> implements Condition<R, Gateway> {
  private final Function<ProxyPlan, R> part;

  PlanIncludes(Function<ProxyPlan, R> part) {
    this.part = part;
  }

  @Override
  public boolean isMet(
      DependentResource<R, Gateway> dependentResource, Gateway gateway, Context<Gateway> context) {
    return part.apply(GatewayReconciler.plan(context)) != null;
  }

  /** The workload is a Deployment. */
  public static class WantsDeployment extends PlanIncludes<Deployment> {
    public WantsDeployment() {
      super(ProxyPlan::deployment);
    }
  }

  /** The workload is a DaemonSet. */
  public static class WantsDaemonSet extends PlanIncludes<DaemonSet> {
    public WantsDaemonSet() {
      super(ProxyPlan::daemonSet);
    }
  }

  /** xDS uses TLS, so proxies need the CA ConfigMap. */
  public static class WantsXdsCa extends PlanIncludes<ConfigMap> {
    public WantsXdsCa() {
      super(ProxyPlan::xdsCa);
    }
  }

  /** The user's env does not set {@code SESSION_KEY}. */
  public static class WantsSessionKey extends PlanIncludes<Secret> {
    public WantsSessionKey() {
      super(ProxyPlan::sessionKey);
    }
  }

  /** A {@code podDisruptionBudget} overlay is present. */
  public static class WantsPodDisruptionBudget extends PlanIncludes<PodDisruptionBudget> {
    public WantsPodDisruptionBudget() {
      super(ProxyPlan::podDisruptionBudget);
    }
  }

  /** A {@code horizontalPodAutoscaler} overlay is present and the workload is a Deployment. */
  public static class WantsAutoscaler extends PlanIncludes<HorizontalPodAutoscaler> {
    public WantsAutoscaler() {
      super(ProxyPlan::autoscaler);
    }
  }
}
