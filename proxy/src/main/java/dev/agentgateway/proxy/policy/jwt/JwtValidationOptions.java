package dev.agentgateway.proxy.policy.jwt;

import java.util.Objects;
import java.util.Set;

/**
 * Claims a token must carry once its signature verifies (upstream's {@code jwtValidationOptions}).
 *
 * @param requiredClaims of {@code exp}, {@code nbf}, {@code aud}, {@code iss}, {@code sub}; others
 *     are refused rather than silently ignored
 */
public record JwtValidationOptions(Set<String> requiredClaims) {
  /** The claims this gateway can require. */
  public static final Set<String> ENFORCEABLE = Set.of("exp", "nbf", "aud", "iss", "sub");

  /** Upstream's default: {@code exp} must be present. */
  public static final JwtValidationOptions DEFAULT = new JwtValidationOptions(Set.of("exp"));

  public JwtValidationOptions {
    requiredClaims = Set.copyOf(Objects.requireNonNull(requiredClaims, "requiredClaims"));
    for (String claim : requiredClaims) {
      if (!ENFORCEABLE.contains(claim)) {
        throw new IllegalArgumentException(
            "requiredClaims: '" + claim + "' cannot be required; use exp, nbf, aud, iss or sub");
      }
    }
  }
}
