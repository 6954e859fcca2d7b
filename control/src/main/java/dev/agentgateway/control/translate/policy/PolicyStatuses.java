package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A policy's {@code status.ancestors} as upstream writes them: one entry per Gateway it affects
 * with {@code Accepted} (Valid, PartiallyValid or Invalid) and {@code Attached} (Attached or
 * Pending), and for targets that resolve to no Gateway an entry named {@code StatusSummary} whose
 * Attached=False message says why. {@code lastTransitionTime} is left to the status writer.
 */
final class PolicyStatuses {
  /** The CRD's bound on ancestors. */
  static final int MAX_ANCESTORS = 16;

  private final AgentgatewayPolicy policy;
  private final String controllerName;

  PolicyStatuses(AgentgatewayPolicy policy, String controllerName) {
    this.policy = policy;
    this.controllerName = controllerName;
  }

  /** An applied policy: attached on {@code gateways}, pending for the {@code missing} targets. */
  List<PolicyAncestorStatus> accepted(
      Set<GatewayKey> gateways, List<String> missing, String reason, String message) {
    List<PolicyAncestorStatus> out = new ArrayList<>();
    for (GatewayKey g : gateways) {
      out.add(
          ancestor(
              gateway(g),
              condition("Accepted", true, reason, message),
              condition("Attached", true, "Attached", "Attached to all targets")));
    }
    if (!missing.isEmpty()) {
      out.add(
          ancestor(
              summary(),
              condition("Accepted", true, reason, message),
              condition(
                  "Attached",
                  false,
                  "Pending",
                  "Policy is not attached: " + String.join("; ", missing))));
    }
    return bounded(out);
  }

  /** A policy not applied: every ancestor says why, and none is attached. */
  List<PolicyAncestorStatus> refused(
      Set<GatewayKey> gateways, List<String> missing, String reason, String message) {
    List<PolicyAncestorStatus> out = new ArrayList<>();
    for (GatewayKey g : gateways) {
      out.add(
          ancestor(
              gateway(g),
              condition("Accepted", false, reason, message),
              condition(
                  "Attached", false, "Pending", "Policy is not attached: it is not accepted")));
    }
    if (!missing.isEmpty() || gateways.isEmpty()) {
      List<String> why = new ArrayList<>(missing);
      if (why.isEmpty()) {
        why.add("it is not accepted");
      }
      out.add(
          ancestor(
              summary(),
              condition("Accepted", false, reason, message),
              condition(
                  "Attached",
                  false,
                  "Pending",
                  "Policy is not attached: " + String.join("; ", why))));
    }
    return bounded(out);
  }

  private static List<PolicyAncestorStatus> bounded(List<PolicyAncestorStatus> ancestors) {
    return List.copyOf(
        ancestors.size() <= MAX_ANCESTORS ? ancestors : ancestors.subList(0, MAX_ANCESTORS));
  }

  private PolicyAncestorStatus ancestor(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference ref,
      Condition accepted,
      Condition attached) {
    return new PolicyAncestorStatusBuilder()
        .withAncestorRef(ref)
        .withControllerName(controllerName)
        .withConditions(accepted, attached)
        .build();
  }

  private static io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference gateway(
      GatewayKey g) {
    return new ParentReferenceBuilder()
        .withGroup(PolicyCluster.GATEWAY_GROUP)
        .withKind("Gateway")
        .withNamespace(g.namespace())
        .withName(g.name())
        .build();
  }

  /** Upstream's placeholder ancestor for targets that reach no Gateway. */
  private io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference summary() {
    return new ParentReferenceBuilder()
        .withGroup("agentgateway.dev")
        .withName("StatusSummary")
        .build();
  }

  private Condition condition(String type, boolean status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(policy.getMetadata().getGeneration())
        .build();
  }
}
