package dev.agentgateway.proxy.policy.jwt;

import java.util.List;
import java.util.Objects;

/**
 * One trusted token issuer (upstream's {@code ProviderConfig}).
 *
 * @param issuer the exact {@code iss} a token must carry
 * @param audiences accepted {@code aud} values (any one suffices); empty accepts any audience
 * @param jwks the issuer's signing keys
 * @param jwtValidationOptions claims that must be present
 */
public record JwtProviderConfig(
    String issuer,
    List<String> audiences,
    JwksSource jwks,
    JwtValidationOptions jwtValidationOptions) {
  public JwtProviderConfig {
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer must not be empty");
    }
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    Objects.requireNonNull(jwks, "jwks");
    jwtValidationOptions =
        jwtValidationOptions == null ? JwtValidationOptions.DEFAULT : jwtValidationOptions;
  }

  /** A provider with upstream's default validation options. */
  public static JwtProviderConfig create(String issuer, List<String> audiences, JwksSource jwks) {
    return new JwtProviderConfig(issuer, audiences, jwks, null);
  }
}
