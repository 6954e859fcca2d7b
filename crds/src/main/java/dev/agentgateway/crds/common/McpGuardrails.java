package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code guardrails} object of {@link McpPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpGuardrails(
    @Required @Size(min = 1, max = 16) List<GuardrailProcessor> processors) {}
