/**
 * MCP authentication as an OAuth 2.1 resource server: the 401 challenge pointing at RFC 9728
 * protected-resource metadata, and that metadata document.
 */
package dev.agentgateway.proxy.mcp.auth;
