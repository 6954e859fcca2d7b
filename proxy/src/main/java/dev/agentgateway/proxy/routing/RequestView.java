package dev.agentgateway.proxy.routing;

import java.util.Locale;

/** The parts of a request that route selection reads; implementations avoid copying. */
public interface RequestView {

  /** The Host (HTTP/1) or :authority (HTTP/2), without port, lower case; may be empty. */
  String host();

  /** The method, e.g. {@code GET}. */
  String method();

  /** The path without the query string, as received (still percent-encoded). */
  String path();

  /** The first value of header {@code name} (case-insensitive), or {@code null}. */
  String header(String name);

  /**
   * The host part of an authority ({@code Host} or {@code :authority}), lower case, without the
   * port; IPv6 literals keep their brackets. {@code null} gives an empty string.
   */
  static String hostOf(String authority) {
    if (authority == null || authority.isEmpty()) {
      return "";
    }
    int colon =
        authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
    return (colon > 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
  }

  /** The first value of query parameter {@code name} (decoded), or {@code null}. */
  String query(String name);
}
