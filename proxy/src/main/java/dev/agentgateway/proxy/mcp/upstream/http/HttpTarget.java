package dev.agentgateway.proxy.mcp.upstream.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One MCP server reached over HTTP.
 *
 * @param name the target's name, used in errors and logs
 * @param url the streamable HTTP endpoint, or the legacy SSE stream URL
 * @param headers added to every request (e.g. backend auth); their values never reach an error
 * @param maxMessageBytes the largest JSON body or SSE event accepted from the server
 */
public record HttpTarget(String name, URI url, Map<String, String> headers, int maxMessageBytes) {
  /** 16 MiB: far above any real MCP message, low enough that one bad server cannot exhaust heap. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /**
   * Headers the transports set themselves, and those {@link java.net.http.HttpClient} refuses to
   * take from callers.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "accept",
          "content-type",
          "mcp-session-id",
          "mcp-protocol-version",
          "last-event-id",
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "transfer-encoding",
          "te",
          "trailer",
          "keep-alive",
          "proxy-connection");

  public HttpTarget {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an MCP target needs a name");
    }
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "MCP target '" + name + "': url must be an absolute http or https URL");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "MCP target '" + name + "': credentials in the url are not supported; use headers");
    }
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException(
          "MCP target '" + name + "': maxMessageBytes must be positive");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    (headers == null ? Map.<String, String>of() : headers)
        .forEach(
            (k, v) -> {
              checkHeader(name, k, v);
              copy.put(k, v);
            });
    headers = Map.copyOf(copy);
  }

  /** A target with no extra headers and the default size cap. */
  public static HttpTarget of(String name, URI url) {
    return new HttpTarget(name, url, Map.of(), DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** How errors name this target: its name and URL without query (which may carry a key). */
  public String describe() {
    return "MCP target '" + name + "' at " + withoutQuery(url);
  }

  static String withoutQuery(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }

  private static void checkHeader(String target, String header, String value) {
    String prefix = "MCP target '" + target + "': header ";
    if (header == null || header.isEmpty() || !header.chars().allMatch(HttpTarget::tokenChar)) {
      throw new IllegalArgumentException(prefix + "names must be HTTP tokens");
    }
    if (RESERVED.contains(header.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(prefix + header + " is set by the transport itself");
    }
    // the value is a secret more often than not: say what is wrong with it, never what it is
    if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException(prefix + header + " has a missing or multi-line value");
    }
  }

  private static boolean tokenChar(int c) {
    return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
