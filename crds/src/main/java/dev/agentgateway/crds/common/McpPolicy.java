package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code mcp} object of {@link BackendPolicies}. */
@ValidationRule(
    value = "[has(self.authorization),has(self.guardrails)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [authorization guardrails] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpPolicy(AuthorizationPolicyConfig authorization, McpGuardrails guardrails) {}
