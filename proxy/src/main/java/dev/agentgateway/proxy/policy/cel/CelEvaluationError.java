package dev.agentgateway.proxy.policy.cel;

/** A CEL expression that did not evaluate over one request's variables. */
public final class CelEvaluationError extends Exception {
  private final String expression;

  CelEvaluationError(String expression, String reason) {
    super("CEL expression '" + expression + "' did not evaluate: " + reason, null, false, false);
    this.expression = expression;
  }

  /** The expression as written in the config. */
  public String expression() {
    return expression;
  }
}
