package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * The {@code stdio} object of {@link McpTarget}: an MCP server the proxy runs as a child process.
 * Not in upstream's CRD. The controller refuses it unless started with {@code
 * AGW_MCP_STDIO_ENABLED=true}, because whoever may write this resource runs commands inside the
 * proxy pod.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpStdioTarget(
    @JsonPropertyDescription("The executable, found on the proxy container's PATH.")
        @Required
        @Size(min = 1, max = 1024)
        String cmd,
    @JsonPropertyDescription("Arguments passed to the command.") @Size(max = 64) List<String> args,
    @JsonPropertyDescription(
            "Environment variables added to the proxy's own environment for the child. Values are"
                + " stored in this resource as plain text: put secrets in the proxy's environment"
                + " (AgentgatewayParameters env) instead, which the child inherits.")
        @Size(max = 64)
        List<McpStdioEnvVar> env) {}
