package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code targetRef} object of {@link AgentgatewayPolicySpec}. */
@ValidationRule(
    value = "[has(self.sectionName),has(self.port)].filter(x,x==true).size() <= 1",
    message = "at most one of the fields in [sectionName port] may be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetRef(
    @Required
        @Size(max = 253)
        @Pattern("^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String group,
    @Required @Size(min = 1, max = 63) @Pattern("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$")
        String kind,
    @Required @Size(min = 1, max = 253) String name,
    @Min(1) @Max(65535) Integer port,
    @Size(min = 1, max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String sectionName) {}
