package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code directResponse} object of {@link TrafficPolicy}. */
@ValidationRule(
    value = "!(has(self.body) && has(self.bodyExpression))",
    message = "body and bodyExpression may not both be set")
@ValidationRule(
    value =
        "has(self.conditional) ? [has(self.body),has(self.bodyExpression),false,has(self.status)].filter(x,x==true).size() == 0 : true",
    message = "conditional cannot be set with any other field")
@ValidationRule(
    value = "has(self.conditional) ? true : has(self.status)",
    message = "status: Required value")
@ValidationRule(
    value =
        "!has(self.conditional) || (self.conditional.filter(e, !has(e.condition)).size() <= 1 && (!self.conditional.exists(e, !has(e.condition)) || !has(self.conditional[size(self.conditional) - 1].condition)))",
    message = "conditional entries without condition must be last")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectResponse(
    @Size(min = 1, max = 4096) String body,
    @Size(min = 1, max = 16384) String bodyExpression,
    @Size(min = 1, max = 16) List<ConditionalDirectResponse> conditional,
    @Size(min = 1, max = 16) List<ResponseHeader> headers,
    @Min(200) @Max(599) Integer status) {}
