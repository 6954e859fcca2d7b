package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code backend} object of {@link AgentgatewayPolicySpec}. */
@ValidationRule(
    value =
        "[has(self.ai),has(self.auth),has(self.extAuth),has(self.health),has(self.http),has(self.mcp),has(self.tcp),has(self.tls),has(self.transformation),has(self.tunnel)].filter(x,x==true).size() >= 1",
    message =
        "at least one of the fields in [ai auth extAuth health http mcp tcp tls transformation tunnel] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendPolicies(
    AiPolicy ai,
    BackendAuth auth,
    ExtAuth extAuth,
    HealthPolicy health,
    McpPolicy mcp,
    BackendTls tls,
    BackendTransformation transformation,
    TunnelPolicy tunnel,
    BackendHttp http,
    BackendTcp tcp) {}
