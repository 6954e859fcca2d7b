package dev.agentgateway.proxy.policy.transform;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import java.util.List;

/**
 * Compiles, at config load, the CEL of {@code transformations}, {@code retry} and {@code
 * directResponse.bodyExpression}, so a bad expression is a config error naming its field.
 */
public final class TransformCheck {
  private TransformCheck() {}

  /** Adds an error to {@code errors} for each expression of {@code p} that does not compile. */
  public static void check(
      LazyCelEngine cel, String at, RoutePolicies p, List<ConfigError> errors) {
    if (p == null) {
      return;
    }
    TransformationPolicy t = p.transformations();
    if (t != null) {
      transform(cel, at + ".transformations.request", t.request(), errors);
      transform(cel, at + ".transformations.response", t.response(), errors);
    }
    RetryPolicy retry = p.retry();
    if (retry != null) {
      predicate(cel, at + ".retry.precondition", retry.precondition(), errors);
      predicate(cel, at + ".retry.condition", retry.condition(), errors);
    }
    if (p.directResponse() != null) {
      expression(
          cel, at + ".directResponse.bodyExpression", p.directResponse().bodyExpression(), errors);
    }
  }

  private static void transform(
      LazyCelEngine cel, String at, TransformationPolicy.Transform t, List<ConfigError> errors) {
    if (t == null) {
      return;
    }
    for (HeaderValue h : t.add()) {
      expression(cel, at + ".add." + h.name(), h.value(), errors);
    }
    for (HeaderValue h : t.set()) {
      expression(cel, at + ".set." + h.name(), h.value(), errors);
    }
    expression(cel, at + ".body", t.body(), errors);
  }

  private static void expression(
      LazyCelEngine cel, String at, String expression, List<ConfigError> errors) {
    if (expression == null) {
      return;
    }
    try {
      cel.get().compile(expression);
    } catch (IllegalArgumentException e) {
      errors.add(new ConfigError(at, e.getMessage()));
    }
  }

  private static void predicate(
      LazyCelEngine cel, String at, String expression, List<ConfigError> errors) {
    if (expression == null) {
      return;
    }
    CelEngine engine = cel.get();
    try {
      engine.compilePredicate(expression);
    } catch (IllegalArgumentException e) {
      errors.add(new ConfigError(at, e.getMessage()));
    }
  }
}
