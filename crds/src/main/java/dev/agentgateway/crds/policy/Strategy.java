package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code strategy} object of {@link AgentgatewayPolicySpec}: how the policy merges. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Strategy(Inheritance inheritance) {}
