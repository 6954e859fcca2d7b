package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** The {@code health} object of {@link BackendPolicies}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthPolicy(
    Eviction eviction, @Size(min = 1, max = 16384) String unhealthyCondition) {}
