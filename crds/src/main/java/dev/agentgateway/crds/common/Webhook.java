package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** The {@code webhook} object of {@link PromptGuardRequest}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(
    @Required BackendRef backendRef,
    FailureMode failureMode,
    @Size(max = 64) Map<String, String> headers) {}
