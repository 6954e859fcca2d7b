package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code provider} object of {@link JwtAuthentication}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JwtProvider(
    @Size(min = 1, max = 64) List<String> audiences,
    @Required @Size(min = 1, max = 256) String issuer,
    @Required Jwks jwks) {}
