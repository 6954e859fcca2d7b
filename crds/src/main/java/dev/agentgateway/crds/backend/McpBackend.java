package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.FailureMode;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code mcp} object of {@link AgentgatewayBackendSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpBackend(
    FailureMode failureMode,
    PrefixMode prefixMode,
    SessionRouting sessionRouting,
    @Required @Size(min = 1, max = 128) List<McpTarget> targets) {}
