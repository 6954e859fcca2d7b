package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code tunnel} object of {@link GuardrailPolicies}. */
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [backendRef url] must be set")
@ValidationRule(
    value = "!has(self.url) || self.url.matches('^https?://[^/?#]+$')",
    message = "url must not include a path for backend tunnel")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TunnelPolicy(
    BackendRef backendRef,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
