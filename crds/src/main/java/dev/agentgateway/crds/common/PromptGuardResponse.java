package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code response} object of {@link PromptGuard}. */
@ValidationRule(
    value =
        "[has(self.regex),has(self.webhook),has(self.bedrockGuardrails),has(self.googleModelArmor)].filter(x,x==true).size() == 1",
    message =
        "exactly one of the fields in [regex webhook bedrockGuardrails googleModelArmor] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptGuardResponse(
    BedrockGuardrails bedrockGuardrails,
    GoogleModelArmor googleModelArmor,
    Regex regex,
    RejectionResponse response,
    Webhook webhook) {}
