package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.ExtAuthCache;
import dev.agentgateway.crds.common.FailureMode;
import dev.agentgateway.crds.common.Grpc;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code extAuth} object of {@link TrafficPolicy}. */
@ValidationRule(
    value =
        "has(self.conditional) ? (!has(self.backendRef) && !has(self.url)) : [has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of backendRef or url must be set unless conditional is set")
@ValidationRule(
    value =
        "has(self.conditional) || [has(self.grpc),has(self.http)].filter(x,x==true).size() == 1",
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
@ValidationRule(
    value =
        "has(self.conditional) ? [has(self.backendRef),has(self.cache),has(self.failureMode),has(self.forwardBody),has(self.grpc),has(self.http),has(self.url)].filter(x,x==true).size() == 0 : true",
    message = "conditional cannot be set with any other field")
@ValidationRule(
    value =
        "!has(self.conditional) || (self.conditional.filter(e, !has(e.condition)).size() <= 1 && (!self.conditional.exists(e, !has(e.condition)) || !has(self.conditional[size(self.conditional) - 1].condition)))",
    message = "conditional entries without condition must be last")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficExtAuth(
    BackendRef backendRef,
    ExtAuthCache cache,
    @Size(min = 1, max = 16) List<TrafficExtAuthConditional> conditional,
    FailureMode failureMode,
    ForwardBody forwardBody,
    Grpc grpc,
    ExtAuthHttp http,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
