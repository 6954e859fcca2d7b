package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code remote} object of {@link Jwks}: a key set fetched from a Service or a URL. */
@ValidationRule(
    value = "has(self.backendRef) ? has(self.jwksPath) : true",
    message = "jwksPath is required when backendRef is set")
@ValidationRule(
    value = "has(self.url) ? !has(self.jwksPath) : true",
    message = "jwksPath may not be set when url is set")
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [backendRef url] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoteJwks(
    BackendRef backendRef,
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @Default("5m")
        @ValidationRule(
            value = "duration(self) >= duration('5m')",
            message = "cacheDuration must be at least 5m.")
        String cacheDuration,
    @Size(min = 1, max = 1024) String jwksPath,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
