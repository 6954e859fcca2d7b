package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code aws} object of {@link Auth}. */
@ValidationRule(
    value = "!(has(self.secretRef) && false)",
    message = "secretRef and assumeRole are mutually exclusive")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Aws(
    @Size(min = 1, max = 256) String region,
    SecretRef secretRef,
    @Size(min = 1, max = 256) String serviceName) {}
