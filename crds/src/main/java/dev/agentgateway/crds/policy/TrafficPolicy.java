package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.AuthorizationPolicyConfig;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code traffic} object of {@link AgentgatewayPolicySpec}. */
@ValidationRule(
    value =
        "has(self.phase) && self.phase == 'PreRouting' ? [has(self.buffer),has(self.csrf),has(self.delay),has(self.directResponse),has(self.headerModifiers),has(self.hostRewrite),has(self.rateLimit),has(self.retry),has(self.timeouts)].filter(x,x==true).size() == 0 : true",
    message =
        "phase PreRouting only supports extAuth, authorization, transformation, extProc, jwtAuthentication, basicAuthentication, apiKeyAuthentication and cors")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficPolicy(
    ApiKeyAuthentication apiKeyAuthentication,
    AuthorizationPolicyConfig authorization,
    BasicAuthentication basicAuthentication,
    Buffer buffer,
    Cors cors,
    Csrf csrf,
    Delay delay,
    DirectResponse directResponse,
    TrafficExtAuth extAuth,
    ExtProc extProc,
    HeaderModifiers headerModifiers,
    HostRewrite hostRewrite,
    JwtAuthentication jwtAuthentication,
    Phase phase,
    RateLimit rateLimit,
    Retry retry,
    Timeouts timeouts,
    TrafficTransformation transformation) {}
