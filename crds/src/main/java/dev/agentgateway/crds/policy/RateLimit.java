package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code rateLimit} object of {@link TrafficPolicy}. */
@ValidationRule(
    value =
        "[has(self.conditional),has(self.global),has(self.local)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [conditional global local] must be set")
@ValidationRule(
    value =
        "has(self.conditional) ? [has(self.global),has(self.local)].filter(x,x==true).size() == 0 : true",
    message = "conditional cannot be set with any other field")
@ValidationRule(
    value =
        "!has(self.conditional) || (self.conditional.filter(e, !has(e.condition)).size() <= 1 && (!self.conditional.exists(e, !has(e.condition)) || !has(self.conditional[size(self.conditional) - 1].condition)))",
    message = "conditional entries without condition must be last")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimit(
    @Size(min = 1, max = 16) List<RateLimitConditional> conditional,
    GlobalRateLimit global,
    @Size(min = 1, max = 16) List<LocalRateLimit> local) {}
