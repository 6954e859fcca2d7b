package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.RouteBackend;

/**
 * Reads route backends ({@code host}, {@code mcp} and {@code ai}), the backend of a request mirror,
 * and the addresses of MCP targets.
 */
final class BackendReader {
  private static final String HTTP = "http://";
  private static final String HTTPS = "https://";

  private BackendReader() {}

  /**
   * One {@code backends[]} entry, or {@code null} when it has errors or is not supported yet.
   *
   * @param name the name an inline protocol backend (such as {@code mcp}) gets
   */
  static RouteBackend routeBackend(
      ConfigNode backend, McpReader mcp, AiReader ai, String name, BackendAuth routeAuth) {
    if (!backend.mapping(UpstreamFields.ROUTE_BACKEND)) {
      return null;
    }
    String kind = backend.variant(UpstreamFields.BACKEND_KIND);
    Integer weight = backend.field("weight").integer(0, Integer.MAX_VALUE);
    ConfigNode policies = backend.field("policies");
    boolean hasPolicies = policies.mapping(UpstreamFields.BACKEND_POLICIES);
    ConfigNode authNode = policies.field("backendAuth");
    BackendAuth auth = hasPolicies && "ai".equals(kind) ? ai.auth().read(authNode) : null;
    if (authNode.present() && !"ai".equals(kind) && !"host".equals(kind)) {
      authNode.error("backendAuth is not supported yet for " + kind + " backends (ai, host)");
    }
    Backend target = null;
    if ("host".equals(kind)) {
      target = host(backend.field("host"));
    } else if ("mcp".equals(kind)) {
      target = mcp.backend(backend.field("mcp"), name);
    } else if ("ai".equals(kind)) {
      target = ai.backend(backend.field("ai"), name, auth != null ? auth : routeAuth);
    }
    if (hasPolicies && A2aPolicy.isSet(policies.field("a2a"))) {
      target = A2aPolicy.wrap(target, policies.field("a2a"), backend.path());
    }
    return target == null ? null : new RouteBackend(target, weight == null ? 1 : weight);
  }

  /**
   * The policies of a {@code host} backend that the route's policies carry ({@code backendAuth},
   * {@code tcp}, {@code http}, {@code health}); other kinds of backend refuse them.
   */
  static BackendLevel plainPolicies(ConfigNode backend, AiReader ai) {
    ConfigNode policies = backend.field("policies");
    if (!backend.isMapping() || !policies.isMapping()) {
      return BackendLevel.NONE;
    }
    boolean host = backend.field("host").present();
    if (!host) {
      for (String name : new String[] {"tcp", "http", "health"}) {
        if (policies.field(name).present()) {
          policies.field(name).error(name + " is supported only on host backends so far");
        }
      }
      return BackendLevel.NONE;
    }
    return new BackendLevel(
        plainAuth(policies.field("backendAuth"), ai),
        BackendPolicyReader.tcp(policies.field("tcp")),
        BackendPolicyReader.http(policies.field("http")),
        BackendPolicyReader.health(policies.field("health")));
  }

  /** {@code backendAuth} for a plain HTTP backend: a key or passthrough. */
  static BackendAuth plainAuth(ConfigNode node, AiReader ai) {
    BackendAuth auth = ai.auth().read(node);
    if (auth instanceof BackendAuth.Aws) {
      node.error("backendAuth aws is supported only on ai backends so far");
      return null;
    }
    return auth;
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

  /** Where a remote MCP or OpenAPI target listens: its upstream, and its path if one was given. */
  record Address(Backend.Host host, String path) {}

  /**
   * The {@code host} of {@code spec} as a URL ({@code http://host[:port][/path]}, port 80 by
   * default) or {@code host:port}; or, when {@code port} or {@code path} is set, all three as
   * separate fields. {@code null} after reporting a problem.
   */
  static Address address(ConfigNode spec) {
    ConfigNode hostNode = spec.field("host");
    ConfigNode portNode = spec.field("port");
    ConfigNode pathNode = spec.field("path");
    if (!portNode.present() && !pathNode.present()) {
      return url(hostNode);
    }
    String host = hostNode.requiredText();
    Integer port = portNode.require() ? portNode.integer(1, 65535) : null;
    String path = pathNode.require() ? pathNode.text() : null;
    if (path != null && !path.startsWith("/")) {
      pathNode.error("path must start with \"/\"");
      path = null;
    }
    if (host == null || port == null) {
      return null;
    }
    if (host.contains("://")) {
      hostNode.error("with port and path, host is a host name or address, not a URL");
      return null;
    }
    String bracketed = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    try {
      HostPort parsed = HostPort.parse(bracketed + ":" + port, 1);
      return path == null ? null : new Address(new Backend.Host(parsed.host(), port), path);
    } catch (IllegalArgumentException e) {
      hostNode.error("invalid host: " + e.getMessage());
      return null;
    }
  }

  private static Address url(ConfigNode node) {
    String text = node.requiredText();
    if (text == null) {
      return null;
    }
    if (text.regionMatches(true, 0, HTTPS, 0, HTTPS.length())) {
      node.error("https:// targets are not supported yet (TLS to backends comes later)");
      return null;
    }
    boolean http = text.regionMatches(true, 0, HTTP, 0, HTTP.length());
    String rest = http ? text.substring(HTTP.length()) : text;
    if (rest.contains("://")) {
      node.error("unsupported URL scheme (use http://host:port/path or host:port)");
      return null;
    }
    if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
      node.error("a query or fragment is not allowed here");
      return null;
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? null : rest.substring(slash);
    try {
      HostPort parsed = HostPort.parse(hasPort(authority) ? authority : authority + ":80", 1);
      return new Address(new Backend.Host(parsed.host(), parsed.port()), path);
    } catch (IllegalArgumentException e) {
      node.error("invalid host (expected http://host:port/path or host:port): " + e.getMessage());
      return null;
    }
  }

  private static boolean hasPort(String authority) {
    int close = authority.lastIndexOf(']');
    return authority.indexOf(':', close + 1) >= 0;
  }
}
