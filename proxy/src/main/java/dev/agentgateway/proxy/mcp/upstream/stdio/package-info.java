/**
 * The MCP stdio transport: an MCP server run as a supervised child process speaking
 * newline-delimited JSON-RPC on stdin and stdout (see README.md for the decisions).
 */
package dev.agentgateway.proxy.mcp.upstream.stdio;
