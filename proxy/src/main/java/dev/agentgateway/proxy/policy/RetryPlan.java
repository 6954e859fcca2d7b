package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import java.util.function.Supplier;

/**
 * A compiled {@link RetryPolicy}: status codes in a lookup table, backoff in nanoseconds, and its
 * CEL precondition and condition compiled once.
 */
public final class RetryPlan {
  /** One try, no retries. */
  public static final RetryPlan NONE = new RetryPlan(1, 0, new boolean[0], null, null);

  private final int attempts;
  private final long backoffNanos;
  private final boolean[] retriedStatus;
  private final CelExpression precondition;
  private final CelExpression condition;

  private RetryPlan(
      int attempts,
      long backoffNanos,
      boolean[] retriedStatus,
      CelExpression precondition,
      CelExpression condition) {
    this.attempts = attempts;
    this.backoffNanos = backoffNanos;
    this.retriedStatus = retriedStatus;
    this.precondition = precondition;
    this.condition = condition;
  }

  /** Compiles {@code policy} without its CEL; {@link #NONE} when absent or a single try. */
  public static RetryPlan compile(RetryPolicy policy) {
    return compile(policy, null);
  }

  /**
   * Compiles {@code policy}; {@link #NONE} when absent or allowing a single try.
   *
   * @param cel compiles the precondition and condition; null ignores them
   */
  public static RetryPlan compile(RetryPolicy policy, LazyCelEngine cel) {
    if (policy == null || policy.attempts() <= 1) {
      return NONE;
    }
    boolean[] codes = new boolean[600];
    for (int code : policy.codes()) {
      if (code >= 0 && code < codes.length) {
        codes[code] = true;
      }
    }
    long backoff = policy.backoff() == null ? 0 : policy.backoff().toNanos();
    CelExpression precondition =
        cel == null || policy.precondition() == null
            ? null
            : cel.get().compilePredicate(policy.precondition());
    CelExpression condition =
        cel == null || policy.condition() == null
            ? null
            : cel.get().compilePredicate(policy.condition());
    return new RetryPlan(policy.attempts(), backoff, codes, precondition, condition);
  }

  /** Total tries, including the first. */
  public int attempts() {
    return attempts;
  }

  /** Pause between tries. */
  public long backoffNanos() {
    return backoffNanos;
  }

  /** True when a response with {@code status} should be retried. */
  public boolean retriesStatus(int status) {
    return status >= 0 && status < retriedStatus.length && retriedStatus[status];
  }

  /** True when the request must pass a CEL precondition before it may be retried. */
  public boolean hasPrecondition() {
    return precondition != null;
  }

  /** Whether {@code request} passes the precondition; anything but {@code true} fails it. */
  public boolean admits(CelActivation request) {
    return precondition == null || precondition.matches(request);
  }

  /**
   * True when a response should be retried: its status is listed, or the condition holds over
   * {@code response} (built only when a condition must be evaluated).
   */
  public boolean retries(int status, Supplier<CelActivation> response) {
    return retriesStatus(status) || (condition != null && condition.matches(response.get()));
  }
}
