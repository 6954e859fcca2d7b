package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code entry} object of {@link RateLimitDescriptor}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescriptorEntry(
    @Required @Size(min = 1, max = 16384) String expression,
    @Required @Size(min = 1, max = 64) String name) {}
