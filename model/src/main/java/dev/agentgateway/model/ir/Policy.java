package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * A policy attached to a target, shipped as written and merged by the proxy at request time.
 *
 * @param key unique key
 * @param name the policy's name
 * @param target what it attaches to
 * @param policy the policy fields
 * @param frontend the frontend (connection) policies, or null; only GATEWAY and LISTENER targets
 *     use them
 */
public record Policy(
    String key, String name, PolicyTarget target, RoutePolicies policy, FrontendPolicies frontend) {
  public Policy {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    if (frontend != null && frontend.isEmpty()) {
      frontend = null;
    }
  }

  /** A policy without frontend policies. */
  public Policy(String key, String name, PolicyTarget target, RoutePolicies policy) {
    this(key, name, target, policy, null);
  }
}
