package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.Set;

/**
 * Retries of failed upstream tries.
 *
 * @param attempts total tries including the first (1 to 255)
 * @param backoff pause between tries, or {@code null} for none
 * @param codes response statuses that are retried; connection failures always are
 * @param precondition CEL over the request: when not {@code true}, only one try is made; or {@code
 *     null}
 * @param condition CEL over each response: {@code true} retries it like a listed code; or {@code
 *     null}
 */
public record RetryPolicy(
    int attempts, Duration backoff, Set<Integer> codes, String precondition, String condition) {
  public RetryPolicy {
    codes = Set.copyOf(codes);
    if (precondition != null && precondition.isBlank()) {
      throw new IllegalArgumentException("precondition must not be blank");
    }
    if (condition != null && condition.isBlank()) {
      throw new IllegalArgumentException("condition must not be blank");
    }
  }

  /** Retries on status codes only. */
  public RetryPolicy(int attempts, Duration backoff, Set<Integer> codes) {
    this(attempts, backoff, codes, null, null);
  }
}
