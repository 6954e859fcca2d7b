package dev.agentgateway.proxy.mcp.upstream;

import java.io.IOException;

/** An MCP server could not be reached, broke the protocol, closed, or timed out. */
public class McpTransportException extends IOException {
  /**
   * @param message what failed, naming the target; never a credential
   */
  public McpTransportException(String message) {
    super(message);
  }

  public McpTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
