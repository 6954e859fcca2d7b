package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code aws} object of {@link AgentgatewayBackendSpec}. */
@ValidationRule(
    value = "[has(self.agentCore)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [agentCore] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AwsBackend(AgentCore agentCore) {}
