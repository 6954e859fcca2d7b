package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** The {@code append} object of {@link Prompt}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptMessage(@Required String content, @Required String role) {}
