package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The observed state of an AgentgatewayPolicy, written by the controller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentgatewayPolicyStatus(@Required @Size(max = 16) List<Ancestor> ancestors) {}
