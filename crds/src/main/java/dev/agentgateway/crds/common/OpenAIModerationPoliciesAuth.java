package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code auth} object of {@link OpenAIModerationPolicies}. */
@ValidationRule(
    value = "[has(self.key),has(self.secretRef)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [key secretRef] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAIModerationPoliciesAuth(@Size(max = 2048) String key, AuthSecretRef secretRef) {}
