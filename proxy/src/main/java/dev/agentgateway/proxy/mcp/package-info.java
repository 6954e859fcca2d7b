/**
 * The MCP gateway: one MCP endpoint (streamable HTTP and legacy SSE) in front of many MCP servers.
 * {@code jsonrpc} holds the message model, {@code upstream} the connections to each server (one
 * {@link dev.agentgateway.proxy.mcp.upstream.McpUpstream} per target per gateway session).
 */
package dev.agentgateway.proxy.mcp;
