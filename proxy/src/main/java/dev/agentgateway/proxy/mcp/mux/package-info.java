/**
 * Multiplexing: many MCP servers behind one session. Lists fan out and merge with names prefixed by
 * target, calls route back by prefix, and server-to-client requests get ids the gateway can map
 * back to the server that asked.
 */
package dev.agentgateway.proxy.mcp.mux;
