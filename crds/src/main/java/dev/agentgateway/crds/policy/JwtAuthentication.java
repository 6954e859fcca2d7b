package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code jwtAuthentication} object of {@link TrafficPolicy}. */
@ValidationRule(
    value = "!has(self.mcp) || size(self.providers) == 1",
    message = "jwtAuthentication.mcp requires exactly one provider")
@ValidationRule(
    value = "!has(self.mcp) || !has(self.mode) || self.mode == 'Strict'",
    message = "jwtAuthentication.mcp requires mode Strict")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JwtAuthentication(
    AuthorizationLocation location,
    JwtMcp mcp,
    @Default("Strict") AuthenticationMode mode,
    @Required @Size(min = 1, max = 64) List<JwtProvider> providers) {}
