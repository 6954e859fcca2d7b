package dev.agentgateway.proxy.policy.jwt;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles the IR's {@code jwtAuth} into a {@link JwtAuthenticator}: one place for every route kind
 * (plain HTTP, MCP, LLM, A2A), so they validate tokens and fetch key sets alike.
 *
 * @param http the client remote key sets are fetched with
 * @param settings how remote key sets are cached and refetched
 * @param clock the time tokens and caches are checked against
 */
public record JwtCompiler(HttpClient http, JwksSettings settings, Clock clock) {
  public JwtCompiler {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The authenticator of {@code policy}; inline and file key sets are read now.
   *
   * @throws ConfigException a key set that cannot be read, with its path ({@code
   *     providers[0].jwks})
   */
  public JwtAuthenticator compile(JwtAuthPolicy policy) throws ConfigException {
    List<JwtProviderConfig> providers = new ArrayList<>();
    for (JwtAuthPolicy.Provider p : policy.providers()) {
      providers.add(JwtProviderConfig.create(p.issuer(), p.audiences(), jwks(p.jwks())));
    }
    return JwtAuthenticator.create(
        new JwtAuthConfig(JwtMode.valueOf(policy.mode().name()), providers), http, settings, clock);
  }

  /** The runtime form of an IR key set source. */
  public static JwksSource jwks(JwtAuthPolicy.Jwks jwks) {
    return switch (jwks) {
      case JwtAuthPolicy.Jwks.Inline i -> new JwksSource.Inline(i.json());
      case JwtAuthPolicy.Jwks.File f -> new JwksSource.File(Path.of(f.path()));
      case JwtAuthPolicy.Jwks.Remote r -> new JwksSource.Remote(URI.create(r.url()));
    };
  }
}
