package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code a2a} object of {@link AgentgatewayBackendSpec}: an A2A agent at host:port. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record A2aBackend(
    @Required @Size(min = 1, max = 256) String host, @Required @Min(1) @Max(65535) Integer port) {}
