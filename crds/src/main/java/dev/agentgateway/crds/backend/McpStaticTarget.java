package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code static} object of {@link McpTarget}. */
@ValidationRule(
    value = "!has(self.backendRef) || !has(self.policies)",
    message = "mcp target policies may not be used with backendRef")
@ValidationRule(
    value = "[has(self.host),has(self.backendRef)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [host backendRef] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpStaticTarget(
    McpTargetBackendRef backendRef,
    @Size(min = 1, max = 256) String host,
    @Size(min = 1, max = 1024) String path,
    McpTargetPolicies policies,
    @Required @Min(1) @Max(65535) Integer port,
    Protocol protocol) {}
