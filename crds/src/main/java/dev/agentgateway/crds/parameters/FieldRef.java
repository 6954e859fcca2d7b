package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** The {@code fieldRef} object of {@link EnvVarSource}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldRef(String apiVersion, @Required String fieldPath) {}
