package dev.agentgateway.proxy.routing;

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

  /** The first value of query parameter {@code name} (decoded), or {@code null}. */
  String query(String name);
}
