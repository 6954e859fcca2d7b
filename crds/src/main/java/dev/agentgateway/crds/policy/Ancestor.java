package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.Condition;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code ancestor} object of {@link AgentgatewayPolicyStatus}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ancestor(
    @Required AncestorRef ancestorRef,
    @Required @Size(min = 1, max = 8) List<Condition> conditions,
    @Required
        @Size(min = 1, max = 253)
        @Pattern(
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$")
        String controllerName) {}
