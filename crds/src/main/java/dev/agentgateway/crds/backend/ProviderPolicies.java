package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.AiPolicy;
import dev.agentgateway.crds.common.BackendAuth;
import dev.agentgateway.crds.common.BackendTls;
import dev.agentgateway.crds.common.BackendTransformation;
import dev.agentgateway.crds.common.HealthPolicy;
import dev.agentgateway.crds.common.TunnelPolicy;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code policies} object of {@link NamedProvider}. */
@ValidationRule(
    value =
        "[has(self.ai),has(self.auth),has(self.health),has(self.tls),has(self.transformation),has(self.tunnel)].filter(x,x==true).size() >= 1",
    message =
        "at least one of the fields in [ai auth health tls transformation tunnel] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderPolicies(
    AiPolicy ai,
    BackendAuth auth,
    HealthPolicy health,
    BackendTls tls,
    BackendTransformation transformation,
    TunnelPolicy tunnel) {}
