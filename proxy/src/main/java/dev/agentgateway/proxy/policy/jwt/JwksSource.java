package dev.agentgateway.proxy.policy.jwt;

import java.net.URI;
import java.nio.file.Path;
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

  /** A JWKS URL fetched and cached, refreshed on an unknown key id. */
  record Remote(URI url) implements JwksSource {
    public Remote {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException("jwks url must be an absolute http(s) URL: " + url);
      }
    }
  }
}
