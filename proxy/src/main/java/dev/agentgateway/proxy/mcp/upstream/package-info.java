/**
 * Connections from the gateway to MCP servers: one {@link
 * dev.agentgateway.proxy.mcp.upstream.McpUpstream} per target per gateway session, whatever the
 * transport (streamable HTTP, legacy SSE, a stdio child process, an OpenAPI service).
 */
package dev.agentgateway.proxy.mcp.upstream;
