package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code local} object of {@link RateLimitConditionalPolicy}. */
@ValidationRule(
    value = "[has(self.requests),has(self.tokens)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [requests tokens] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalRateLimit(
    @Min(0) Integer burst,
    @Min(1) Integer requests,
    @Min(1) Integer tokens,
    @Required LocalUnit unit) {}
