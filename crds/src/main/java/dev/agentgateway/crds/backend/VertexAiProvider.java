package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code vertexai} object of {@link NamedProvider}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VertexAiProvider(
    @Size(min = 1, max = 256) String model,
    @Required @Size(min = 1, max = 64) String projectId,
    @Size(min = 1, max = 64) @Default("global") String region) {}
