package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** The {@code openai} object of {@link NamedProvider}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiProvider(@Size(min = 1, max = 256) String model) {}
