package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code policies} object of {@link BedrockGuardrails}. */
@ValidationRule(
    value = "[has(self.auth),has(self.tls),has(self.tunnel)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [auth tls tunnel] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardrailPolicies(Auth auth, BackendTls tls, TunnelPolicy tunnel) {}
