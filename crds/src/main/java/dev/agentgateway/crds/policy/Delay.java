package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code delay} object of {@link TrafficPolicy}: fault injection (a duration or CEL). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delay(@Required @Size(min = 1, max = 16384) String duration) {}
