package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code extAuth} object of {@link BackendPolicies}. */
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of backendRef or url must be set")
@ValidationRule(
    value = "!has(self.url) || !self.url.matches('^https?://[^/?#]+/') || false",
    message = "url path is only valid with http")
@ValidationRule(
    value = "!has(self.url) || !self.url.matches('^https?://[^/?#]+/') || !false || !false",
    message = "http.path may not be set when url includes a path")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtAuth(
    BackendRef backendRef,
    ExtAuthCache cache,
    FailureMode failureMode,
    Grpc grpc,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
