package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The {@code remote} object of {@link GuardrailProcessor}. */
@ValidationRule(
    value = "!has(self.url) || self.url.matches('^https?://[^/?#]+$')",
    message = "url must not include a path")
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [backendRef url] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoteProcessor(
    @Size(max = 64) List<String> allowedRequestHeaders,
    BackendRef backendRef,
    @Size(max = 64) List<String> disallowedRequestHeaders,
    FailureMode failureMode,
    @Size(max = 64) Map<String, String> metadata,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
