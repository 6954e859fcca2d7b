package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code auth} object of {@link GuardrailPolicies}. */
@ValidationRule(
    value = "[has(self.key),has(self.secretRef),has(self.aws)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [key secretRef aws] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Auth(Aws aws, @Size(max = 2048) String key, AuthSecretRef secretRef) {}
