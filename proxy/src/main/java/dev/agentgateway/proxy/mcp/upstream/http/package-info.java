/**
 * MCP servers over HTTP: {@link dev.agentgateway.proxy.mcp.upstream.http.StreamableHttpUpstream}
 * (streamable HTTP) and {@link dev.agentgateway.proxy.mcp.upstream.http.SseUpstream} (legacy
 * HTTP+SSE), made by {@link dev.agentgateway.proxy.mcp.upstream.http.HttpUpstreamFactory}, with our
 * own bounded {@link dev.agentgateway.proxy.mcp.upstream.http.SseReader}.
 */
package dev.agentgateway.proxy.mcp.upstream.http;
