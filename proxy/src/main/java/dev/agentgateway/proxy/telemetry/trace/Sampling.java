package dev.agentgateway.proxy.telemetry.trace;

import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A sampling decision as upstream writes one: {@code true}, {@code false}, a fraction in {@code [0,
 * 1]}, or a CEL expression over the request that yields either.
 */
final class Sampling {
  private final double fraction;
  private final CelExpression expression;

  private Sampling(double fraction, CelExpression expression) {
    this.fraction = fraction;
    this.expression = expression;
  }

  /**
   * {@code text} as a constant, or compiled as CEL.
   *
   * @throws IllegalArgumentException if it is a number outside {@code [0, 1]} or bad CEL
   */
  static Sampling parse(String text, Supplier<CelEngine> engine) {
    String t = text.trim();
    if (t.equals("true")) {
      return new Sampling(1, null);
    }
    if (t.equals("false")) {
      return new Sampling(0, null);
    }
    Double number = number(t);
    if (number != null) {
      if (!(number >= 0 && number <= 1)) {
        throw new IllegalArgumentException("a sampling fraction must be between 0.0 and 1.0");
      }
      return new Sampling(number, null);
    }
    return new Sampling(0, engine.get().compile(t));
  }

  private static Double number(String text) {
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether this rule never samples without evaluating anything. */
  boolean never() {
    return expression == null && fraction == 0;
  }

  /** Decides for one request; {@code activation} is built only for a CEL rule. */
  boolean sample(Supplier<CelActivation> activation) {
    if (expression == null) {
      return chance(fraction);
    }
    try {
      return switch (expression.evaluate(activation.get())) {
        case Boolean b -> b;
        case Number n -> chance(n.doubleValue());
        default -> false;
      };
    } catch (CelEvaluationError e) {
      return false;
    }
  }

  private static boolean chance(double fraction) {
    return fraction >= 1 || (fraction > 0 && ThreadLocalRandom.current().nextDouble() < fraction);
  }
}
