package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code promptGuard} object of {@link AiPolicy}. */
@ValidationRule(
    value = "[has(self.request),has(self.response)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [request response] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptGuard(
    @Size(min = 1, max = 8) List<PromptGuardRequest> request,
    @Size(min = 1, max = 8) List<PromptGuardResponse> response,
    Streaming streaming) {}
