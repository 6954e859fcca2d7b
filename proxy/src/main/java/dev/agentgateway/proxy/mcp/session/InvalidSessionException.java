package dev.agentgateway.proxy.mcp.session;

/**
 * A {@code Mcp-Session-Id} this gateway cannot open: tampered, sealed under another key, garbage or
 * too long. The server answers it as "session not found" (404 over streamable HTTP). The message
 * names the reason only, never the input.
 */
public final class InvalidSessionException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidSessionException(String reason) {
    // No stack trace: this is ordinary bad client input, and it may be frequent.
    super(reason, null, false, false);
  }
}
