/**
 * MCP gateway sessions: the resumable state sealed into {@code Mcp-Session-Id} and the live
 * sessions of one replica with their idle TTL.
 */
package dev.agentgateway.proxy.mcp.session;
