package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code request} object of {@link PromptGuard}. */
@ValidationRule(
    value =
        "!has(self.scope) || has(self.regex) || has(self.bedrockGuardrails) || (self.scope.size() == 2 && 'SystemPrompt' in self.scope && 'Messages' in self.scope)",
    message =
        "scope: only regex and bedrockGuardrails guards support a non-default scope; other guard kinds always inspect the default (SystemPrompt + Messages)")
@ValidationRule(
    value =
        "[has(self.regex),has(self.webhook),has(self.openAIModeration),has(self.bedrockGuardrails),has(self.googleModelArmor)].filter(x,x==true).size() == 1",
    message =
        "exactly one of the fields in [regex webhook openAIModeration bedrockGuardrails googleModelArmor] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptGuardRequest(
    BedrockGuardrails bedrockGuardrails,
    GoogleModelArmor googleModelArmor,
    OpenAIModeration openAIModeration,
    Regex regex,
    RejectionResponse response,
    @Size(min = 1, max = 4) List<GuardrailScope> scope,
    Webhook webhook) {}
