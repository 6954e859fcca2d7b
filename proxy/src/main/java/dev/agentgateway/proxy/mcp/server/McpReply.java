package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.mux.CallInfo;

/**
 * What serving one MCP HTTP request came to, for the access log.
 *
 * @param status the HTTP status sent
 * @param reason why it failed, or empty
 * @param method the JSON-RPC method (of the first message), or empty
 * @param bytesOut body bytes sent
 * @param call the target and tool, prompt or resource a single request named
 */
public record McpReply(int status, String reason, String method, long bytesOut, CallInfo call) {
  /** A reply about no particular target. */
  public McpReply(int status, String reason, String method, long bytesOut) {
    this(status, reason, method, bytesOut, CallInfo.NONE);
  }
}
