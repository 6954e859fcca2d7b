package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.FailureMode;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The {@code extProc} object of {@link TrafficPolicy}. */
@ValidationRule(
    value =
        "has(self.conditional) ? (!has(self.backendRef) && !has(self.url)) : [has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of backendRef or url must be set unless conditional is set")
@ValidationRule(
    value = "!has(self.url) || self.url.matches('^https?://[^/?#]+$')",
    message = "url must not include a path")
@ValidationRule(
    value =
        "has(self.conditional) ? [has(self.backendRef),has(self.failureMode),has(self.metadataContext),false,has(self.requestAttributes),has(self.responseAttributes),has(self.url)].filter(x,x==true).size() == 0 : true",
    message = "conditional cannot be set with any other field")
@ValidationRule(
    value =
        "!has(self.conditional) || (self.conditional.filter(e, !has(e.condition)).size() <= 1 && (!self.conditional.exists(e, !has(e.condition)) || !has(self.conditional[size(self.conditional) - 1].condition)))",
    message = "conditional entries without condition must be last")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtProc(
    BackendRef backendRef,
    @Size(min = 1, max = 16) List<ExtProcConditional> conditional,
    FailureMode failureMode,
    @Size(max = 64) Map<String, Map<String, String>> metadataContext,
    @Size(max = 64) Map<String, String> requestAttributes,
    @Size(max = 64) Map<String, String> responseAttributes,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
