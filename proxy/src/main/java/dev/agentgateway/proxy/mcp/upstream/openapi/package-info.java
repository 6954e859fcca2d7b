/**
 * OpenAPI MCP targets: a REST API described by an OpenAPI 3 document, served to the gateway as an
 * MCP server with one tool per operation (see README.md for the decisions).
 */
package dev.agentgateway.proxy.mcp.upstream.openapi;
