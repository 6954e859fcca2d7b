package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code workload} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workload(WorkloadKind kind) {}
