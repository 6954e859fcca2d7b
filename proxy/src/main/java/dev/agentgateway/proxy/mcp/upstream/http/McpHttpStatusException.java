package dev.agentgateway.proxy.mcp.upstream.http;

import dev.agentgateway.proxy.mcp.upstream.McpTransportException;

/**
 * The server answered with an HTTP error status. A 404 on a request carrying a session id means the
 * server forgot the session: the caller must start a new one (MCP streamable HTTP).
 */
public final class McpHttpStatusException extends McpTransportException {
  private final int status;

  public McpHttpStatusException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** Whether the server said the session is gone (404 to a request with a session id). */
  public boolean sessionNotFound() {
    return status == 404;
  }
}
