package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.Set;

/**
 * Retries of failed upstream tries.
 *
 * @param attempts total tries including the first (1 to 255)
 * @param backoff pause between tries, or {@code null} for none
 * @param codes response statuses that are retried; connection failures always are
 */
public record RetryPolicy(int attempts, Duration backoff, Set<Integer> codes) {
  public RetryPolicy {
    codes = Set.copyOf(codes);
  }
}
