package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code timeouts} object of {@link TrafficPolicy}. */
@ValidationRule(
    value = "[has(self.request)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [request] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timeouts(
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @ValidationRule(
            value = "duration(self) >= duration('1ms')",
            message = "request must be at least 1ms")
        String request) {}
