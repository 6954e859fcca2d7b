package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code jwks} object of {@link JwtProvider}. */
@ValidationRule(
    value = "[has(self.remote),has(self.inline)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [remote inline] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Jwks(@Size(min = 2, max = 65536) String inline, RemoteJwks remote) {}
