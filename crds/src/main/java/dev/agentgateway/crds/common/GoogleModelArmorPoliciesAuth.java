package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code auth} object of {@link GoogleModelArmorPolicies}. */
@ValidationRule(
    value = "[has(self.gcp)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [gcp] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoogleModelArmorPoliciesAuth(Gcp gcp) {}
