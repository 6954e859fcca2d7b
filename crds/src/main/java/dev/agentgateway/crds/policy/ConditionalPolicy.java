package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code policy} object of {@link ConditionalDirectResponse}. */
@ValidationRule(value = "has(self.status)", message = "status is required")
@ValidationRule(
    value = "!(has(self.body) && has(self.bodyExpression))",
    message = "body and bodyExpression may not both be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionalPolicy(
    @Size(min = 1, max = 4096) String body,
    @Size(min = 1, max = 16384) String bodyExpression,
    @Size(min = 1, max = 16) List<ResponseHeader> headers,
    @Min(200) @Max(599) Integer status) {}
