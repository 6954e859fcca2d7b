package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code jwtAuth}: bearer tokens validated against trusted issuers; the claims become {@code jwt.*}
 * for authorization rules.
 *
 * @param mode whether a token is required and what an invalid one does
 * @param providers the trusted issuers, at least one
 * @param location where the token is, or {@code null} for {@code Authorization: Bearer}
 */
public record JwtAuthPolicy(Mode mode, List<Provider> providers, CredentialLocation location) {
  public JwtAuthPolicy {
    Objects.requireNonNull(mode, "mode");
    providers = List.copyOf(providers);
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("jwtAuth needs at least one provider");
    }
  }

  /** Tokens in {@code Authorization: Bearer}. */
  public JwtAuthPolicy(Mode mode, List<Provider> providers) {
    this(mode, providers, null);
  }

  /** Upstream's modes; {@code optional} is its default. */
  public enum Mode {
    /** A valid token is required. */
    STRICT,
    /** A token is validated when present; none passes. */
    OPTIONAL,
    /** Never refuses; valid tokens still give claims. */
    PERMISSIVE
  }

  /**
   * One trusted issuer.
   *
   * @param issuer the required {@code iss}
   * @param audiences accepted {@code aud} values, any of; empty accepts any
   * @param jwks where its signing keys are
   */
  public record Provider(String issuer, List<String> audiences, Jwks jwks) {
    public Provider {
      Objects.requireNonNull(issuer, "issuer");
      audiences = List.copyOf(audiences);
      Objects.requireNonNull(jwks, "jwks");
    }
  }

  /** A JSON Web Key Set: inline, from a file on the proxy's disk, or fetched from a URL. */
  public sealed interface Jwks {
    /** The key set's JSON. */
    record Inline(String json) implements Jwks {
      public Inline {
        Objects.requireNonNull(json, "json");
      }
    }

    /** A file the proxy reads. */
    record File(String path) implements Jwks {
      public File {
        Objects.requireNonNull(path, "path");
      }
    }

    /**
     * An https (or http) URL, fetched and cached.
     *
     * @param url where the key set is
     * @param cacheDuration how long a fetched key set is used, or {@code null} for the proxy's
     *     default (upstream's 5 minutes)
     */
    record Remote(String url, Duration cacheDuration) implements Jwks {
      public Remote {
        Objects.requireNonNull(url, "url");
        if (cacheDuration != null && (cacheDuration.isNegative() || cacheDuration.isZero())) {
          throw new IllegalArgumentException("jwks cacheDuration must be positive");
        }
      }

      /** Cached for the proxy's default time. */
      public Remote(String url) {
        this(url, null);
      }
    }
  }
}
