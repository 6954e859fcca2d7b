package dev.agentgateway.proxy.mcp.server;

/**
 * What serving one MCP HTTP request came to, for the access log.
 *
 * @param status the HTTP status sent
 * @param reason why it failed, or empty
 * @param method the JSON-RPC method (of the first message), or empty
 * @param bytesOut body bytes sent
 */
public record McpReply(int status, String reason, String method, long bytesOut) {}
