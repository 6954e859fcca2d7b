package dev.agentgateway.proxy.mcp.auth;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What MCP authentication needs of an HTTP request, free of any HTTP framework.
 *
 * @param method the request method
 * @param scheme {@code http} or {@code https}, as the connection was accepted
 * @param path the request path (a query, if present, is ignored)
 * @param headers every header with all its values; names are looked up case-insensitively
 */
public record AuthRequest(
    String method, String scheme, String path, Map<String, List<String>> headers) {
  public AuthRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(path, "path");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), AuthRequest::concat));
    headers = Collections.unmodifiableMap(copy);
    method = method.toUpperCase(Locale.ROOT);
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
  }

  /** Every value of header {@code name}; empty when absent. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of header {@code name}, or null. */
  public String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
