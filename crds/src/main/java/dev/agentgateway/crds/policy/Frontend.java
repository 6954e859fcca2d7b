package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The {@code frontend} object of {@link AgentgatewayPolicySpec}: how incoming traffic is handled.
 * Upstream's {@code connect}, {@code metrics}, {@code networkAuthorization} and {@code
 * proxyProtocol} are not carried yet.
 */
@ValidationRule(
    value =
        "[has(self.accessLog),has(self.http),has(self.tcp),has(self.tls),has(self.tracing)].filter(x,x==true).size() >= 1",
    message =
        "at least one of the fields in [accessLog connect http metrics networkAuthorization proxyProtocol tcp tls tracing] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Frontend(
    FrontendAccessLog accessLog,
    FrontendHttp http,
    FrontendTcp tcp,
    FrontendTls tls,
    FrontendTracing tracing) {}
