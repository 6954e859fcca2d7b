package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** The {@code authorization} object of {@link McpPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationPolicyConfig(
    @Default("Allow") AuthorizationAction action, @Required CelMatchExpressions policy) {}
