package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * {@code mcpAuthentication}: the MCP endpoint as an OAuth 2.1 resource server (RFC 9728). A request
 * without a valid token is answered 401 with a challenge naming the protected-resource metadata,
 * which the proxy serves itself; the token's claims become {@code jwt.*} for authorization rules.
 *
 * @param issuer the authorization server: tokens' {@code iss}, advertised to clients
 * @param audiences accepted {@code aud} values, any of; empty accepts any
 * @param jwks the issuer's signing keys
 * @param mode whether a token is required (upstream's default here is strict)
 * @param requiredClaims registered claims that must be present; null for the default ({@code exp})
 * @param resourceMetadataJson extra RFC 9728 fields as a JSON object, in upstream's camelCase
 */
public record McpAuthenticationPolicy(
    String issuer,
    List<String> audiences,
    JwtAuthPolicy.Jwks jwks,
    JwtAuthPolicy.Mode mode,
    List<String> requiredClaims,
    String resourceMetadataJson) {

  /** The claims a token may be required to carry (upstream enforces no others). */
  public static final List<String> KNOWN_CLAIMS = List.of("exp", "nbf", "aud", "iss", "sub");

  public McpAuthenticationPolicy {
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("mcpAuthentication issuer is blank");
    }
    audiences = List.copyOf(audiences);
    Objects.requireNonNull(jwks, "jwks");
    Objects.requireNonNull(mode, "mode");
    if (requiredClaims != null) {
      requiredClaims = List.copyOf(requiredClaims);
      for (String claim : requiredClaims) {
        if (!KNOWN_CLAIMS.contains(claim)) {
          throw new IllegalArgumentException(
              "mcpAuthentication requiredClaims: unknown claim "
                  + claim
                  + ", one of "
                  + KNOWN_CLAIMS);
        }
      }
    }
    resourceMetadataJson = resourceMetadataJson == null ? "{}" : resourceMetadataJson;
  }
}
