package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code openAIModeration} object of {@link PromptGuardRequest}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAIModeration(String model, OpenAIModerationPolicies policies) {}
