/**
 * The MCP endpoint clients talk to: streamable HTTP (POST, GET stream, DELETE) and the legacy
 * HTTP+SSE transport, over the gateway sessions of {@code mux}.
 */
package dev.agentgateway.proxy.mcp.server;
