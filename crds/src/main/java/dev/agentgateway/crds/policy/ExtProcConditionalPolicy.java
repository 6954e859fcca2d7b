package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.FailureMode;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The {@code policy} object of {@link ExtProcConditional}. */
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of backendRef or url is required")
@ValidationRule(
    value = "!has(self.url) || self.url.matches('^https?://[^/?#]+$')",
    message = "url must not include a path")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtProcConditionalPolicy(
    BackendRef backendRef,
    FailureMode failureMode,
    @Size(max = 64) Map<String, Map<String, String>> metadataContext,
    @Size(max = 64) Map<String, String> requestAttributes,
    @Size(max = 64) Map<String, String> responseAttributes,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
