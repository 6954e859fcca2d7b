/**
 * MCP authorization: upstream's {@code mcpAuthorization} CEL rules, applied per tool, prompt,
 * resource or task both to filter list results and to refuse calls.
 */
package dev.agentgateway.proxy.mcp.authz;
