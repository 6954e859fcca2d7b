package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.Status;

/**
 * A refused request: the status, the reason for the body and the access log, the {@code
 * WWW-Authenticate} challenge (or null) and which policy refused it (the {@code reason} label). The
 * reason never holds a credential.
 */
public record Denial(Status status, String reason, String challenge, ResponseReason policy)
    implements Check {

  /** A denial whose policy follows from its status ({@link ResponseReason#forStatus}). */
  public Denial(Status status, String reason, String challenge) {
    this(status, reason, challenge, ResponseReason.forStatus(status.code()));
  }
}
