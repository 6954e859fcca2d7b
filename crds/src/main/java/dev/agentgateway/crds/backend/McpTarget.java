package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code target} object of {@link McpBackend}. */
@ValidationRule(
    value = "[has(self.selector),has(self.static),has(self.stdio)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [selector static stdio] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpTarget(
    @Required
        @Size(min = 1, max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String name,
    McpTargetSelector selector,
    @JsonProperty("static") McpStaticTarget staticValue,
    @JsonPropertyDescription(
            "An MCP server the proxy runs as a child process speaking JSON-RPC over stdin/stdout."
                + " Not in upstream agentgateway. The command runs inside every proxy pod that"
                + " routes to this backend, with the proxy's user, filesystem and network: the"
                + " controller accepts it only when started with AGW_MCP_STDIO_ENABLED=true.")
        McpStdioTarget stdio) {}
