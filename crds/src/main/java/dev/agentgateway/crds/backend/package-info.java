/** AgentgatewayBackend ({@code agbe}): static, AI, MCP and AWS backends with their policies. */
package dev.agentgateway.crds.backend;
