package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendTransformation;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code conditional} object of {@link TrafficTransformation}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficTransformationConditional(
    @Size(min = 1, max = 16384) String condition, @Required BackendTransformation policy) {}
