package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code http} object of {@link BackendPolicies}. */
@ValidationRule(
    value = "!has(self.requestTimeout) || duration(self.requestTimeout) >= duration('1ms')",
    message = "requestTimeout must be at least 1ms")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendHttp(
    @Size(max = 32) @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$") String requestTimeout,
    HttpVersion version) {}
