package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.RetryPolicy;

/** A compiled {@link RetryPolicy}: status codes in a lookup table, backoff in nanoseconds. */
public final class RetryPlan {
  /** One try, no retries. */
  public static final RetryPlan NONE = new RetryPlan(1, 0, new boolean[0]);

  private final int attempts;
  private final long backoffNanos;
  private final boolean[] retriedStatus;

  private RetryPlan(int attempts, long backoffNanos, boolean[] retriedStatus) {
    this.attempts = attempts;
    this.backoffNanos = backoffNanos;
    this.retriedStatus = retriedStatus;
  }

  /** Compiles {@code policy}; {@link #NONE} when absent or allowing a single try. */
  public static RetryPlan compile(RetryPolicy policy) {
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
    return new RetryPlan(policy.attempts(), backoff, codes);
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
}
