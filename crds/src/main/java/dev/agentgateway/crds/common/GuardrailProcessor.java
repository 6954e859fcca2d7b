package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The {@code processor} object of {@link McpGuardrails}. */
@ValidationRule(
    value = "[has(self.remote)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [remote] must be set")
@ValidationRule(
    value =
        "!has(self.methods) || (self.methods.all(k, !k.contains('*') || (k.indexOf('*') == k.lastIndexOf('*') && (k.indexOf('*') == 0 || k.indexOf('*') == size(k) - 1))))",
    message = "method wildcards must be '*', a prefix like 'tools/*', or a suffix like '*/list'")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardrailProcessor(
    @Required @Size(min = 1, max = 64) Map<String, MethodsValue> methods, RemoteProcessor remote) {}
