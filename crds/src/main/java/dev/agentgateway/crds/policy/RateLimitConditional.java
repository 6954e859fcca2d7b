package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code conditional} object of {@link RateLimit}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitConditional(
    @Size(min = 1, max = 16384) String condition, @Required RateLimitConditionalPolicy policy) {}
