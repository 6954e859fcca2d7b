/** JSON-RPC 2.0 messages as MCP uses them, with a strict, size-aware codec. */
package dev.agentgateway.proxy.mcp.jsonrpc;
