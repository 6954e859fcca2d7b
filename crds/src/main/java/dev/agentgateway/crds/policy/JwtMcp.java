package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The {@code mcp} object of {@link JwtAuthentication}: MCP OAuth resource metadata. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JwtMcp(String clientId, McpIdp provider, Map<String, JsonNode> resourceMetadata) {}
