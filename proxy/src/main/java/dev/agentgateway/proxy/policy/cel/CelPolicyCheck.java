package dev.agentgateway.proxy.policy.cel;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.frontend.FrontendCheck;
import dev.agentgateway.proxy.policy.transform.TransformCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles every CEL expression of a config when it is loaded, so a bad one refuses the config (a
 * file keeps its last good version, an xDS resource is NACKed) instead of failing requests later.
 */
public final class CelPolicyCheck {
  private final LazyCelEngine engine;

  public CelPolicyCheck(LazyCelEngine engine) {
    this.engine = engine;
  }

  /**
   * Every expression that does not compile in {@code config}, each named by its route or policy.
   */
  public List<ConfigError> check(GatewayConfig config) {
    List<ConfigError> errors = new ArrayList<>();
    for (Route route : config.routes()) {
      check("route " + route.key() + ": policies", route.policies(), errors);
    }
    for (Policy policy : config.policies()) {
      check("policy " + policy.key() + ": policy", policy.policy(), errors);
      FrontendCheck.check(
          engine::get, "policy " + policy.key() + ": frontend", policy.frontend(), errors);
    }
    return errors;
  }

  /** Why {@code resource} (a decoded xDS value) cannot be served, or null when it can. */
  public String problem(Object resource) {
    List<ConfigError> errors = new ArrayList<>();
    switch (resource) {
      case Route r -> check("policies", r.policies(), errors);
      case Policy p -> {
        check("policy", p.policy(), errors);
        FrontendCheck.check(engine::get, "frontend", p.frontend(), errors);
      }
      default -> {}
    }
    return errors.isEmpty() ? null : new ConfigException(errors).getMessage();
  }

  private void check(String at, RoutePolicies policies, List<ConfigError> errors) {
    TransformCheck.check(engine, at, policies, errors);
    if (policies != null && policies.remoteRateLimit() != null) {
      checkDescriptors(at + ".remoteRateLimit", policies.remoteRateLimit(), errors);
    }
    if (policies == null) {
      return;
    }
    if (policies.mcpAuthorization() != null) {
      checkRules(at + ".mcpAuthorization", policies.mcpAuthorization().rules(), errors);
    }
    if (policies.authorization() != null) {
      checkRules(at + ".authorization", policies.authorization().rules(), errors);
    }
    if (policies.health() != null && policies.health().unhealthyCondition() != null) {
      try {
        engine.get().compilePredicate(policies.health().unhealthyCondition());
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError(at + ".health.unhealthyExpression", e.getMessage()));
      }
    }
  }

  private void checkRules(
      String at, List<McpAuthorizationPolicy.Rule> rules, List<ConfigError> errors) {
    for (int i = 0; i < rules.size(); i++) {
      McpAuthorizationPolicy.Rule rule = rules.get(i);
      try {
        engine.get().compilePredicate(rule.expression());
      } catch (IllegalArgumentException e) {
        errors.add(
            new ConfigError(
                at + ".rules[" + i + "]." + rule.kind().name().toLowerCase(Locale.ROOT),
                e.getMessage()));
      }
    }
  }

  private void checkDescriptors(String at, RemoteRateLimitPolicy policy, List<ConfigError> errors) {
    for (int i = 0; i < policy.descriptors().size(); i++) {
      List<RemoteRateLimitPolicy.Entry> entries = policy.descriptors().get(i).entries();
      for (int j = 0; j < entries.size(); j++) {
        try {
          engine.get().compile(entries.get(j).value());
        } catch (IllegalArgumentException e) {
          errors.add(
              new ConfigError(
                  at + ".descriptors[" + i + "].entries[" + j + "].value", e.getMessage()));
        }
      }
    }
  }
}
