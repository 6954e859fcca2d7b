package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code logging} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Logging(LogFormat format, String level) {}
