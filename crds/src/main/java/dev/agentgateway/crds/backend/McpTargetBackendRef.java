package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** The {@code backendRef} of {@link McpStaticTarget}: a Service in the backend's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpTargetBackendRef(@Size(max = 253) String name) {}
