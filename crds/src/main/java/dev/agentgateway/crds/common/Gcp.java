package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code gcp} object of {@link GoogleModelArmorPoliciesAuth}. */
@ValidationRule(
    value = "has(self.audience) ? self.type == 'IdToken' : true",
    message = "audience is only valid with IdToken")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Gcp(
    @Size(min = 1, max = 256) String audience, AuthSecretRef secretRef, GcpType type) {}
