package dev.agentgateway.proxy.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;

/**
 * A compiled CEL expression with its source text. Immutable and thread-safe; evaluating it never
 * compiles and allocates only what the expression itself builds.
 */
public final class CelExpression {
  private final String source;
  private final CelRuntime.Program program;

  CelExpression(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
  }

  /** The expression as written in the config. */
  public String source() {
    return source;
  }

  /**
   * Whether the expression evaluates to {@code true} over {@code activation}. Anything else is
   * {@code false}: another value, an error (a claim that is not there, a type mismatch, a division
   * by zero) or an unbound variable. Like upstream, so an allow rule over a missing claim does not
   * match, and a deny rule that fails to evaluate does not deny.
   */
  public boolean matches(CelActivation activation) {
    try {
      return Boolean.TRUE.equals(program.eval(activation.resolver()));
    } catch (CelEvaluationException | RuntimeException e) {
      // CEL-Java reports most failures as CelEvaluationException, but a few (an unexpected value
      // type inside a claim) escape as runtime exceptions; both mean "did not evaluate".
      return false;
    }
  }

  /**
   * The expression's value over {@code activation}: a {@code Boolean}, {@code Long}, {@code
   * Double}, {@code String}, {@code List} or {@code Map}, as CEL-Java returns them.
   *
   * @throws CelEvaluationError if it does not evaluate (including over an unbound variable)
   */
  public Object evaluate(CelActivation activation) throws CelEvaluationError {
    Object value;
    try {
      value = program.eval(activation.resolver());
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CelEvaluationError(source, e.getMessage());
    }
    if (value instanceof CelUnknownSet) {
      // What CEL-Java returns for a declared variable the activation does not supply.
      throw new CelEvaluationError(source, "an input variable it reads is not available");
    }
    return value;
  }

  @Override
  public String toString() {
    return source;
  }
}
