package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** The {@code forwardBody} object of {@link TrafficExtAuth}: how much body the check sees. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForwardBody(
    @Required
        @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        @ValidationRule(
            value = "(self >= 1 && self <= 4294967295) || self.size() > 0",
            message = "value must be at least 1 byte and fit within uint32")
        IntOrString maxSize) {}
