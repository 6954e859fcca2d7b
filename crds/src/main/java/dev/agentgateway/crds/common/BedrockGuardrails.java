package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code bedrockGuardrails} object of {@link PromptGuardRequest}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BedrockGuardrails(
    @Required @Size(min = 1, max = 256) String identifier,
    GuardrailPolicies policies,
    @Required @Size(min = 1, max = 256) String region,
    @Required @Size(min = 1, max = 256) String version) {}
