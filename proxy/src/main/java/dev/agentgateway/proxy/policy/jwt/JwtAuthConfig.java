package dev.agentgateway.proxy.policy.jwt;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code jwtAuth} policy (upstream's {@code LocalJwtConfig}, the {@code providers} form; the
 * single-issuer form maps to one provider). The token is read from {@code Authorization: Bearer}.
 *
 * @param mode strict, optional (upstream's default) or permissive
 * @param providers trusted issuers, each issuer at most once
 */
public record JwtAuthConfig(JwtMode mode, List<JwtProviderConfig> providers) {
  public JwtAuthConfig {
    mode = mode == null ? JwtMode.OPTIONAL : mode;
    providers = List.copyOf(Objects.requireNonNull(providers, "providers"));
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("providers: at least one provider is required");
    }
    Set<String> issuers = new HashSet<>();
    for (JwtProviderConfig provider : providers) {
      if (!issuers.add(provider.issuer())) {
        throw new IllegalArgumentException(
            "providers: issuer '" + provider.issuer() + "' is configured twice");
      }
    }
  }
}
