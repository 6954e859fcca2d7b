package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.ExtAuthCache;
import dev.agentgateway.crds.common.FailureMode;
import dev.agentgateway.crds.common.Grpc;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code policy} object of {@link TrafficExtAuthConditional}. */
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of backendRef or url is required")
@ValidationRule(
    value = "[has(self.grpc),has(self.http)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [grpc http] must be set")
@ValidationRule(
    value = "!(has(self.forwardBody) && has(self.http) && has(self.http.body))",
    message = "forwardBody cannot be used with http.body")
@ValidationRule(
    value = "!has(self.url) || !self.url.matches('^https?://[^/?#]+/') || has(self.http)",
    message = "url path is only valid with http")
@ValidationRule(
    value =
        "!has(self.url) || !self.url.matches('^https?://[^/?#]+/') || !has(self.http) || !has(self.http.path)",
    message = "http.path may not be set when url includes a path")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficExtAuthConditionalPolicy(
    BackendRef backendRef,
    ExtAuthCache cache,
    FailureMode failureMode,
    ForwardBody forwardBody,
    Grpc grpc,
    ExtAuthHttp http,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
