package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One {@code env} entry of {@link McpStdioTarget}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpStdioEnvVar(
    @Required @Size(min = 1, max = 256) @Pattern("^[A-Za-z_][A-Za-z0-9_]*$") String name,
    @Size(max = 4096) String value) {}
