package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** The {@code env} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVar(@Required String name, String value, EnvVarSource valueFrom) {}
