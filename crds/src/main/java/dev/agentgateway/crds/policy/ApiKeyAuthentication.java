package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.SecretRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code apiKeyAuthentication} object of {@link TrafficPolicy}. */
@ValidationRule(
    value =
        "[has(self.secretRef),has(self.secretSelector),has(self.configMapSelector)].filter(x,x==true).size() == 1",
    message =
        "exactly one of the fields in [secretRef secretSelector configMapSelector] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyAuthentication(
    ConfigMapSelector configMapSelector,
    AuthorizationLocation location,
    @Default("Strict") AuthenticationMode mode,
    SecretRef secretRef,
    ConfigMapSelector secretSelector) {}
