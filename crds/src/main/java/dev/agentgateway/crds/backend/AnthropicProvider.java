package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** The {@code anthropic} object of {@link NamedProvider}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnthropicProvider(@Size(min = 1, max = 256) String model) {}
