package dev.agentgateway.proxy.mcp.auth;

import dev.agentgateway.proxy.policy.jwt.JwksSource;
import dev.agentgateway.proxy.policy.jwt.JwtMode;
import dev.agentgateway.proxy.policy.jwt.JwtValidationOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code mcpAuthentication} policy (upstream's {@code LocalMcpAuthentication}). Not here yet:
 * {@code provider} (per-IdP metadata rewriting and DCR proxies), {@code clientId}/{@code
 * clientSecret}, {@code authorizationLocation} (the token is read from {@code Authorization:
 * Bearer}) and deriving {@code jwks} from the issuer, so {@code jwks} is required.
 *
 * @param issuer the authorization server: tokens' {@code iss}, and advertised to clients
 * @param audiences accepted {@code aud} values (any one suffices); empty accepts any
 * @param jwks the issuer's signing keys
 * @param mode strict (upstream's default here), optional or permissive
 * @param jwtValidationOptions claims that must be present
 * @param resourceMetadata free-form RFC 9728 fields in camelCase ({@code scopesSupported}, {@code
 *     resourceDocumentation}, ...), merged into the metadata document as snake_case
 */
public record McpAuthenticationConfig(
    String issuer,
    List<String> audiences,
    JwksSource jwks,
    JwtMode mode,
    JwtValidationOptions jwtValidationOptions,
    Map<String, Object> resourceMetadata) {
  public McpAuthenticationConfig {
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer must not be empty");
    }
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    Objects.requireNonNull(jwks, "jwks");
    mode = mode == null ? JwtMode.STRICT : mode;
    jwtValidationOptions =
        jwtValidationOptions == null ? JwtValidationOptions.DEFAULT : jwtValidationOptions;
    resourceMetadata =
        resourceMetadata == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(resourceMetadata));
  }
}
