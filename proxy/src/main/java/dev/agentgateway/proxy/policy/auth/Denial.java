package dev.agentgateway.proxy.policy.auth;

import io.helidon.http.Status;

/**
 * A refused request: the status, the reason for the body and the access log, and the {@code
 * WWW-Authenticate} challenge (or null). The reason never holds a credential.
 */
public record Denial(Status status, String reason, String challenge) implements Check {}
