package dev.agentgateway.proxy.mcp.mux;

/**
 * What a gateway session needs to reach one target's server session again from another replica.
 *
 * @param sessionId the server's session id, or null when its transport has none
 * @param endpoint the {@code host:port} the session was opened against, or null when the target has
 *     one address only; a Service target must come back to the same pod
 * @param protocolVersion the MCP version the server agreed to at initialize, or null
 */
public record ServerSession(String sessionId, String endpoint, String protocolVersion) {}
