package dev.agentgateway.proxy.policy.jwt;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the IR's {@code jwtAuth} into a {@link JwtAuthenticator}: one place for every route kind
 * (plain HTTP, MCP, LLM, A2A), so they validate tokens and fetch key sets alike. A remote key set
 * is cached once per URL (and cache time) for every route, bind and config that names it, so a
 * reload or a second route does not fetch it again, and the refetch limit holds per key server.
 */
public final class JwtCompiler {
  private final HttpClient http;
  private final JwksSettings settings;
  private final Clock clock;
  private final Map<JwksSource.Remote, RemoteJwks> remote = new ConcurrentHashMap<>();

  /**
   * @param http the client remote key sets are fetched with
   * @param settings how remote key sets are cached and refetched
   * @param clock the time tokens and caches are checked against
   */
  public JwtCompiler(HttpClient http, JwksSettings settings, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The client remote key sets are fetched with. */
  public HttpClient http() {
    return http;
  }

  /**
   * The authenticator of {@code policy}; inline and file key sets are read now, URLs on first use.
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
        new JwtAuthConfig(JwtMode.valueOf(policy.mode().name()), providers),
        source ->
            remote.computeIfAbsent(
                source, r -> new RemoteJwks(r.url(), http, r.settings(settings), clock)),
        clock);
  }

  /**
   * Forgets the cached key sets no policy in {@code live} names (after a config swap). Routes of an
   * older config still hold theirs; a later compile starts a fresh cache.
   */
  public void retain(Collection<JwtAuthPolicy> live) {
    Set<JwksSource> keep = new HashSet<>();
    for (JwtAuthPolicy policy : live) {
      for (JwtAuthPolicy.Provider p : policy.providers()) {
        if (p.jwks() instanceof JwtAuthPolicy.Jwks.Remote r) {
          try {
            keep.add(jwks(r));
          } catch (IllegalArgumentException e) {
            // Never cached: compiling it failed the same way.
          }
        }
      }
    }
    remote.keySet().retainAll(keep);
  }

  /** The number of remote key sets cached. */
  public int cachedKeySets() {
    return remote.size();
  }

  /** The runtime form of an IR key set source. */
  public static JwksSource jwks(JwtAuthPolicy.Jwks jwks) {
    return switch (jwks) {
      case JwtAuthPolicy.Jwks.Inline i -> new JwksSource.Inline(i.json());
      case JwtAuthPolicy.Jwks.File f -> new JwksSource.File(Path.of(f.path()));
      case JwtAuthPolicy.Jwks.Remote r ->
          new JwksSource.Remote(URI.create(r.url()), r.cacheDuration());
    };
  }
}
