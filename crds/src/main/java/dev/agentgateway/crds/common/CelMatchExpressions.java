package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code policy} object of {@link AuthorizationPolicyConfig}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CelMatchExpressions(
    @Required @Size(min = 1, max = 256) List<String> matchExpressions) {}
