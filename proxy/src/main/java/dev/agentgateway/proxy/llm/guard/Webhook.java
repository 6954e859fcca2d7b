package dev.agentgateway.proxy.llm.guard;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Upstream's {@code webhook} guard: the guard service at {@code target} (a base URL; requests go to
 * its {@code /request} and {@code /response} paths), a per-call {@code timeout}, and {@code
 * failureMode}. CEL {@code headers} and {@code forwardHeaderMatches} are the wiring's: it passes
 * the resulting headers with each call.
 */
public record Webhook(URI target, Duration timeout, FailureMode failureMode) {
  /** The timeout when none is configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Validates; null timeout and failure mode mean the defaults. */
  public Webhook {
    Objects.requireNonNull(target, "webhook.target");
    String scheme = target.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || target.getHost() == null) {
      throw new IllegalArgumentException(
          "webhook.target: needs an http or https URL with a host, got " + target);
    }
    timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("webhook.timeout: must be positive");
    }
    failureMode = Objects.requireNonNullElse(failureMode, FailureMode.FAIL_CLOSED);
  }
}
