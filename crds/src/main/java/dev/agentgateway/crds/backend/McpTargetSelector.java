package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code selector} object of {@link McpTarget}. */
@ValidationRule(
    value = "[has(self.namespaces),has(self.services)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [namespaces services] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpTargetSelector(LabelSelector namespaces, LabelSelector services) {}
