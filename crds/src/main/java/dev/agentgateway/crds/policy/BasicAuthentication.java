package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.AuthSecretRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code basicAuthentication} object of {@link TrafficPolicy}. */
@ValidationRule(
    value = "[has(self.users),has(self.secretRef)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [users secretRef] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BasicAuthentication(
    AuthorizationLocation location,
    @Default("Strict") BasicAuthenticationMode mode,
    String realm,
    AuthSecretRef secretRef,
    @Size(min = 1, max = 256) List<String> users) {}
