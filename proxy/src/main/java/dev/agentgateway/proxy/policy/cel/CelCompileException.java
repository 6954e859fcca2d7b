package dev.agentgateway.proxy.policy.cel;

/**
 * A CEL expression that does not parse or type-check: a configuration error, raised when the config
 * is compiled, never while serving. The message names the expression and gives CEL's own.
 */
public final class CelCompileException extends IllegalArgumentException {
  private final String expression;
  private final String reason;

  CelCompileException(String expression, String reason) {
    super("invalid CEL expression '" + expression + "': " + reason);
    this.expression = expression;
    this.reason = reason;
  }

  /** The expression as written in the config. */
  public String expression() {
    return expression;
  }

  /** CEL's message (with the position and a caret under the offending token), or our check's. */
  public String reason() {
    return reason;
  }
}
