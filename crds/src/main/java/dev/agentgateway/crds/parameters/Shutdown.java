package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code shutdown} object of {@link AgentgatewayParametersSpec}. */
@ValidationRule(
    value = "self.min <= self.max",
    message = "The 'min' value must be less than or equal to the 'max' value.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shutdown(
    @Required @Min(0) @Max(31536000) Long max, @Required @Min(0) @Max(31536000) Long min) {}
