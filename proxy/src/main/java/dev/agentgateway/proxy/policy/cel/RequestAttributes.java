package dev.agentgateway.proxy.policy.cel;

import dev.agentgateway.proxy.routing.RequestView;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an HTTP request CEL reads as {@code request.*}: {@code method}, {@code scheme},
 * {@code host}, {@code path}, {@code pathAndQuery}, {@code uri}, {@code version} and {@code
 * headers} (lower-case names; the first value of each, where upstream would give a list for a
 * repeated header). A null field is absent in CEL, so an expression over it does not match.
 *
 * @param method e.g. {@code POST}
 * @param scheme {@code http} or {@code https}; may be null
 * @param host the Host without port; may be null
 * @param path the path, still percent-encoded, without the query
 * @param query the raw query without {@code ?}; may be null
 * @param version e.g. {@code HTTP/1.1}; may be null
 * @param headers header name to first value; names are lower-cased here
 */
public record RequestAttributes(
    String method,
    String scheme,
    String host,
    String path,
    String query,
    String version,
    Map<String, String> headers) {

  public RequestAttributes {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = lowerCaseNames(Objects.requireNonNull(headers, "headers"));
  }

  /** Attributes without a query string or protocol version. */
  public static RequestAttributes of(
      String method, String scheme, String host, String path, Map<String, String> headers) {
    return new RequestAttributes(method, scheme, host, path, null, null, headers);
  }

  /** The attributes of a Helidon request; copies its headers, so build it only when needed. */
  public static RequestAttributes from(ServerRequest req) {
    Map<String, String> headers = HashMap.newHashMap(req.headers().size());
    for (Header header : req.headers()) {
      List<String> values = header.allValues();
      headers.putIfAbsent(
          header.name().toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.getFirst());
    }
    String authority = req.headers().first(HeaderNames.HOST).orElse(null);
    String host = RequestView.hostOf(authority);
    String query = req.prologue().query().rawValue();
    return new RequestAttributes(
        req.prologue().method().text(),
        req.isSecure() ? "https" : "http",
        host.isEmpty() ? null : host,
        req.prologue().uriPath().rawPath(),
        query.isEmpty() ? null : query,
        req.prologue().rawProtocol(),
        headers);
  }

  /** The CEL value of {@code request}: an immutable map of the fields above. */
  public Map<String, Object> toCel() {
    Map<String, Object> out = HashMap.newHashMap(8);
    out.put("method", method);
    out.put("path", path);
    out.put("headers", headers);
    String pathAndQuery = query == null ? path : path + '?' + query;
    out.put("pathAndQuery", pathAndQuery);
    if (scheme != null) {
      out.put("scheme", scheme);
    }
    if (host != null) {
      out.put("host", host);
      if (scheme != null) {
        out.put("uri", scheme + "://" + host + pathAndQuery);
      }
    }
    if (version != null) {
      out.put("version", version);
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
    Map<String, String> out = HashMap.newHashMap(headers.size());
    for (Map.Entry<String, String> e : headers.entrySet()) {
      out.putIfAbsent(
          e.getKey().toLowerCase(Locale.ROOT), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    return Map.copyOf(out);
  }
}
