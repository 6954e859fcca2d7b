package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/** The {@code resources} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resources(
    List<ResourceClaim> claims,
    Map<String, IntOrString> limits,
    Map<String, IntOrString> requests) {}
