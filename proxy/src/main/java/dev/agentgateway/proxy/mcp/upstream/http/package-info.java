/**
 * MCP servers over HTTP: {@link dev.agentgateway.proxy.mcp.upstream.http.StreamableHttpUpstream}
 * (streamable HTTP, 2025-03-26 and 2025-06-18) and {@link
 * dev.agentgateway.proxy.mcp.upstream.http.SseUpstream} (legacy HTTP+SSE, 2024-11-05), made by
 * {@link dev.agentgateway.proxy.mcp.upstream.http.HttpUpstreamFactory}.
 *
 * <p>Protocol decisions:
 *
 * <ul>
 *   <li>The handshake is the caller's; the upstream watches it: the initialize response gives the
 *       session id and protocol version, {@code notifications/initialized} opens the GET stream.
 *   <li>A call's SSE reply that drops before the response is resumed with GET and {@code
 *       Last-Event-ID} (at most 3 times) when the server numbered its events; the GET stream
 *       reconnects the same way for as long as the upstream is open, backing off up to 30 s.
 *   <li>An HTTP error carrying a JSON-RPC error for the call's id is that call's answer; any other
 *       is a {@link dev.agentgateway.proxy.mcp.upstream.http.McpHttpStatusException} (404 on a
 *       session: start a new one).
 *   <li>One JSON body or SSE event is capped ({@link
 *       dev.agentgateway.proxy.mcp.upstream.http.HttpTarget#maxMessageBytes}, 16 MiB by default);
 *       {@link dev.agentgateway.proxy.mcp.upstream.http.SseReader} enforces it while reading.
 *   <li>Errors name the target and its URL without query; header values never appear.
 * </ul>
 */
package dev.agentgateway.proxy.mcp.upstream.http;
