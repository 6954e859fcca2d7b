package dev.agentgateway.proxy.llm.provider;

import java.net.URI;
import java.util.Objects;

/**
 * Where one LLM request goes.
 *
 * @param tls whether to connect with TLS ({@code https})
 * @param host the host name or address
 * @param port the port
 * @param path the request path, already percent-encoded
 * @param query the query without {@code ?}, already encoded, or null
 */
public record ProviderEndpoint(boolean tls, String host, int port, String path, String query) {
  public ProviderEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return tls ? "https" : "http";
  }

  /** The {@code Host} header value: the port only when it is not the scheme's default. */
  public String authority() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (tls ? 443 : 80) ? h : h + ":" + port;
  }

  /** The request target: path and query. */
  public String pathAndQuery() {
    return query == null ? path : path + "?" + query;
  }

  /** The whole URL. */
  public URI uri() {
    return URI.create(scheme() + "://" + authority() + pathAndQuery());
  }

  /** This endpoint with {@code extra} ({@code name=value}, encoded) added to the query. */
  public ProviderEndpoint withQuery(String extra) {
    return new ProviderEndpoint(tls, host, port, path, query == null ? extra : query + "&" + extra);
  }
}
