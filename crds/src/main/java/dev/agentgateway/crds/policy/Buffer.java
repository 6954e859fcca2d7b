package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code buffer} object of {@link TrafficPolicy}. */
@ValidationRule(
    value = "[has(self.request),has(self.response)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [request response] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Buffer(BufferRequest request, BufferRequest response) {}
