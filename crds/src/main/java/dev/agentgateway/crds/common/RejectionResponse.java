package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code response} object of {@link PromptGuardRequest}. */
@ValidationRule(
    value = "[has(self.message),has(self.statusCode)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [message statusCode] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectionResponse(
    @Default("The request was rejected due to inappropriate content") String message,
    @Min(200) @Max(599) @Default("403") Integer statusCode) {}
