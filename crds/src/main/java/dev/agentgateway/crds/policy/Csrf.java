package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code csrf} object of {@link TrafficPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Csrf(
    @Size(min = 1, max = 16) List<@Size(min = 1, max = 256) String> additionalOrigins) {}
