package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.FailureMode;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** The {@code request} object of {@link Buffer}. */
@ValidationRule(
    value =
        "!has(self.maxBytes) || ((self.maxBytes >= 1 && self.maxBytes <= 4294967295) || self.maxBytes.size() > 0)",
    message = "value must be at least 1 byte and fit within uint32")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BufferRequest(
    FailureMode failureMode,
    @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        IntOrString maxBytes) {}
