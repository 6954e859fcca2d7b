package dev.agentgateway.proxy.policy.backend;

import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import java.util.function.Supplier;

/**
 * A compiled {@code health} policy: which try outcomes are unhealthy (its CEL condition over the
 * response, else a 5xx; a connection failure always) and the eviction rules the endpoint applies.
 */
public final class HealthCheck {
  private final CelExpression condition;
  private final HealthPolicy.Eviction eviction;

  private HealthCheck(CelExpression condition, HealthPolicy.Eviction eviction) {
    this.condition = condition;
    this.eviction = eviction;
  }

  /** Compiles {@code policy}; {@code null} when absent. */
  public static HealthCheck compile(HealthPolicy policy, LazyCelEngine cel) {
    if (policy == null) {
      return null;
    }
    CelExpression condition =
        policy.unhealthyCondition() == null
            ? null
            : cel.get().compilePredicate(policy.unhealthyCondition());
    return new HealthCheck(condition, policy.eviction());
  }

  /** The eviction rules, or {@code null} when unhealthy endpoints are never evicted. */
  public HealthPolicy.Eviction eviction() {
    return eviction;
  }

  /**
   * Whether a response is unhealthy; {@code response} (built only for a CEL condition) is the CEL
   * context with {@code response.code} and {@code response.headers}. A condition that does not
   * evaluate to a boolean counts as healthy.
   */
  public boolean unhealthy(int status, Supplier<CelActivation> response) {
    return condition == null ? status >= 500 : condition.matches(response.get());
  }
}
