package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code prompt} object of {@link AiPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(List<PromptMessage> append, List<PromptMessage> prepend) {}
