package dev.agentgateway.control.translate;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Status conditions as translation states them. {@code lastTransitionTime} is left out: the status
 * writer keeps the old time when a condition did not change and stamps the new ones, so translation
 * stays a pure function.
 */
final class Conditions {
  private Conditions() {}

  static Condition of(HasMetadata object, String type, boolean status, String reason, String msg) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(msg)
        .withObservedGeneration(object.getMetadata().getGeneration())
        .build();
  }
}
