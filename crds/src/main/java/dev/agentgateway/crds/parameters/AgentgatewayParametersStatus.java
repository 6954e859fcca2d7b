package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of an AgentgatewayParameters, written by the controller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentgatewayParametersStatus() {}
