package dev.agentgateway.proxy.mcp.auth;

import dev.agentgateway.proxy.policy.jwt.JwtOutcome;

/** Whether an MCP request proceeds, and with which identity, or what to answer instead. */
public sealed interface AuthDecision {

  /**
   * Serve the request.
   *
   * @param identity {@link JwtOutcome.Authenticated} (claims for authorization rules) or {@link
   *     JwtOutcome.Anonymous}
   */
  record Proceed(JwtOutcome identity) implements AuthDecision {}

  /** Answer with {@code response}: a 401 challenge, the metadata document, or a bad request. */
  record Respond(AuthResponse response) implements AuthDecision {}
}
