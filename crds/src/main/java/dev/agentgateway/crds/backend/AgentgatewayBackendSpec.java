package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentgateway.crds.common.BackendPolicies;
import dev.agentgateway.crds.common.Marker;
import io.fabric8.generator.annotation.ValidationRule;

/** The desired state of an AgentgatewayBackend. */
@ValidationRule(
    value = "has(self.policies) && has(self.policies.ai) ? has(self.ai) : true",
    message = "AI policies require AI backend")
@ValidationRule(
    value = "has(self.policies) && has(self.policies.mcp) ? has(self.mcp) : true",
    message = "MCP policies require MCP backend")
@ValidationRule(
    value =
        "[has(self.ai),has(self.static),has(self.dynamicForwardProxy),has(self.mcp),has(self.aws),has(self.a2a)].filter(x,x==true).size() == 1",
    message =
        "exactly one of the fields in [ai static dynamicForwardProxy mcp aws a2a] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentgatewayBackendSpec(
    A2aBackend a2a,
    AiBackend ai,
    AwsBackend aws,
    Marker dynamicForwardProxy,
    McpBackend mcp,
    BackendPolicies policies,
    @JsonProperty("static") StaticBackend staticValue) {}
