package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code tcp} object of {@link BackendPolicies}. */
@ValidationRule(
    value = "!has(self.connectTimeout) || duration(self.connectTimeout) >= duration('100ms')",
    message = "connectTimeout must be at least 100ms")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendTcp(
    @Size(max = 32) @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$") String connectTimeout,
    BackendTcpKeepalive keepalive) {}
