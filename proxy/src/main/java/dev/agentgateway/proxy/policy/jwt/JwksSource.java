package dev.agentgateway.proxy.policy.jwt;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a provider's JSON Web Key Set comes from (upstream's {@code jwks}: a string, {@code file},
 * {@code url}).
 */
public sealed interface JwksSource {

  /** The JWKS JSON written in the config. */
  record Inline(String json) implements JwksSource {
    public Inline {
      Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
      return "Inline[" + json.length() + " characters]";
    }
  }

  /** A JWKS file read when the config is loaded. */
  record File(Path file) implements JwksSource {
    public File {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * A JWKS URL fetched and cached, refreshed on an unknown key id.
   *
   * @param url where the key set is
   * @param cacheTtl how long fetched keys are used, or {@code null} for the settings' default
   */
  record Remote(URI url, Duration cacheTtl) implements JwksSource {
    /** Cached for the settings' default time. */
    public Remote(URI url) {
      this(url, null);
    }

    /** The settings this key set is fetched with: {@code base} with its own cache time. */
    public JwksSettings settings(JwksSettings base) {
      return cacheTtl == null
          ? base
          : new JwksSettings(
              cacheTtl, base.minRefetchInterval(), base.fetchTimeout(), base.maxBytes());
    }

    public Remote {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException("jwks url must be an absolute http(s) URL: " + url);
      }
    }
  }
}
