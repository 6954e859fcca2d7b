package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.Condition;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The observed state of an AgentgatewayBackend, written by the controller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentgatewayBackendStatus(@Size(max = 8) List<Condition> conditions) {}
