package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code policy} object of {@link RateLimitConditional}. */
@ValidationRule(
    value = "[has(self.global),has(self.local)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [global local] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitConditionalPolicy(
    GlobalRateLimit global, @Size(min = 1, max = 16) List<LocalRateLimit> local) {}
