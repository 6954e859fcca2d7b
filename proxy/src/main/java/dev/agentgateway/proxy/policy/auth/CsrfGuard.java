package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * {@code csrf}: a browser's state-changing request must come from the request's own host or a
 * trusted origin. The browser says where it comes from in {@code Origin} (or, from older ones,
 * {@code Referer}); a request with neither is not a browser's cross-site request and passes.
 */
final class CsrfGuard {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final HeaderName SEC_FETCH_SITE = HeaderNames.create("Sec-Fetch-Site");
  private static final Denial DENIED =
      new Denial(
          Status.FORBIDDEN_403,
          "csrf: cross-origin request refused",
          null,
          ResponseReason.AUTHORIZATION);

  private final Set<String> trusted;

  private CsrfGuard(CsrfPolicy policy) {
    this.trusted = Set.copyOf(policy.additionalOrigins());
  }

  static CsrfGuard compile(CsrfPolicy policy) {
    return policy == null ? null : new CsrfGuard(policy);
  }

  /** The denial of a cross-origin state-changing request, or null to let it through. */
  Denial check(ServerRequest req) {
    if (SAFE_METHODS.contains(req.prologue().method().text())) {
      return null;
    }
    String site = req.headers().first(SEC_FETCH_SITE).orElse("");
    if (site.equals("same-origin") || site.equals("none")) {
      return null;
    }
    String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
    if (origin == null) {
      String referer = req.headers().first(HeaderNames.REFERER).orElse(null);
      if (referer == null) {
        return null;
      }
      origin = originOf(referer);
    }
    if (origin == null || origin.equals("null")) {
      return DENIED;
    }
    String normalized = origin.toLowerCase(Locale.ROOT);
    if (trusted.contains(normalized)) {
      return null;
    }
    String host = req.headers().first(HeaderNames.HOST).orElse(null);
    return host != null && sameHost(normalized, host.toLowerCase(Locale.ROOT)) ? null : DENIED;
  }

  /** {@code scheme://host[:port]} of a URL, or null when it has none. */
  private static String originOf(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return null;
      }
      return uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "");
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** Whether the origin's authority is the Host, default ports aside. */
  private static boolean sameHost(String origin, String host) {
    int sep = origin.indexOf("://");
    if (sep < 0) {
      return false;
    }
    String scheme = origin.substring(0, sep);
    String authority = origin.substring(sep + 3);
    String defaultPort = scheme.equals("https") ? ":443" : scheme.equals("http") ? ":80" : null;
    return strip(authority, defaultPort).equals(strip(host, defaultPort));
  }

  private static String strip(String authority, String defaultPort) {
    return defaultPort != null && authority.endsWith(defaultPort)
        ? authority.substring(0, authority.length() - defaultPort.length())
        : authority;
  }
}
