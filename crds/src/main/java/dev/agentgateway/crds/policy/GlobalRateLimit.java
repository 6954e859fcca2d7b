package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.FailureMode;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code global} object of {@link RateLimitConditionalPolicy}. */
@ValidationRule(
    value = "!has(self.url) || self.url.matches('^https?://[^/?#]+$')",
    message = "url must not include a path")
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [backendRef url] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GlobalRateLimit(
    BackendRef backendRef,
    @Required @Size(min = 1, max = 16) List<RateLimitDescriptor> descriptors,
    @Required @Size(min = 1, max = 256) String domain,
    FailureMode failureMode,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
