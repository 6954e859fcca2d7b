package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code condition} object of {@link Ancestor}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    @Required String lastTransitionTime,
    @Required @Size(max = 32768) String message,
    @Min(0) Long observedGeneration,
    @Required @Size(min = 1, max = 1024) @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
        String reason,
    @Required ConditionStatus status,
    @Required
        @Size(max = 316)
        @Pattern(
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
        String type) {}
