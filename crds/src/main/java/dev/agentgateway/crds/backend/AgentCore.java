package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** The {@code agentCore} object of {@link AwsBackend}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentCore(@Required String agentRuntimeArn, String qualifier) {}
