package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code istio} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Istio(
    List<String> additionalTrustDomains,
    String caAddress,
    String clusterId,
    Boolean enabled,
    String network,
    String trustDomain) {}
