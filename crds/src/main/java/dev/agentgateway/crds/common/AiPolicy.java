package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The {@code ai} object of {@link BackendPolicies}. */
@ValidationRule(
    value =
        "[has(self.modelAliases),has(self.prompt),has(self.promptCaching),has(self.promptGuard),has(self.routes)].filter(x,x==true).size() >= 1",
    message =
        "at least one of the fields in [modelAliases prompt promptCaching promptGuard routes] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AiPolicy(
    @Size(max = 64) Map<String, String> modelAliases,
    Prompt prompt,
    PromptCaching promptCaching,
    PromptGuard promptGuard,
    Map<String, RoutesValue> routes) {}
