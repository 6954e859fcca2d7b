package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RouteBackend;

/** Reads route backends and the backend of a request mirror; only {@code host} is supported. */
final class BackendReader {
  private static final String HTTP = "http://";
  private static final String HTTPS = "https://";

  private BackendReader() {}

  /** One {@code backends[]} entry, or {@code null} when it has errors or is not supported yet. */
  static RouteBackend routeBackend(ConfigNode backend) {
    if (!backend.mapping(UpstreamFields.ROUTE_BACKEND)) {
      return null;
    }
    String kind = backend.variant(UpstreamFields.BACKEND_KIND);
    Integer weight = backend.field("weight").integer(0, Integer.MAX_VALUE);
    Backend target = "host".equals(kind) ? host(backend.field("host")) : null;
    return target == null ? null : new RouteBackend(target, weight == null ? 1 : weight);
  }

  /** The mirror target of {@code requestMirror}: {@code {host: ...}}. */
  static Backend mirrorBackend(ConfigNode backend) {
    if (!backend.require()) {
      return null;
    }
    String kind = backend.oneOf(UpstreamFields.MIRROR_BACKEND);
    return "host".equals(kind) ? host(backend.field("host")) : null;
  }

  /**
   * {@code host:port}, {@code ip:port}, {@code [v6]:port}, or {@code http://host[:port]} (port 80
   * by default).
   */
  static Backend.Host host(ConfigNode node) {
    String text = node.requiredText();
    if (text == null) {
      return null;
    }
    if (text.regionMatches(true, 0, HTTPS, 0, HTTPS.length())) {
      node.error("https:// backends are not supported yet (TLS to backends comes later)");
      return null;
    }
    boolean http = text.regionMatches(true, 0, HTTP, 0, HTTP.length());
    String authority = http ? text.substring(HTTP.length()) : text;
    if (http && authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    if (authority.contains("://")) {
      node.error("unsupported URL scheme (use host:port or http://host:port)");
      return null;
    }
    if (authority.indexOf('/') >= 0) {
      node.error("a backend host must not have a path (use host:port)");
      return null;
    }
    if (http && !hasPort(authority)) {
      authority = authority + ":80";
    }
    try {
      HostPort parsed = HostPort.parse(authority, 1);
      return new Backend.Host(parsed.host(), parsed.port());
    } catch (IllegalArgumentException e) {
      node.error("invalid backend host (expected host:port): " + e.getMessage());
      return null;
    }
  }

  private static boolean hasPort(String authority) {
    int close = authority.lastIndexOf(']');
    return authority.indexOf(':', close + 1) >= 0;
  }
}
