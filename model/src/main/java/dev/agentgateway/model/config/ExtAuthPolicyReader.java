package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the route policies {@code extAuthz} and {@code remoteRateLimit}. */
final class ExtAuthPolicyReader {
  private static final List<String> PSEUDO_HEADERS =
      List.of(":method", ":path", ":authority", ":scheme");

  private ExtAuthPolicyReader() {}

  /** {@code extAuthz}, or {@code null} when absent or wrong (reported). */
  static ExtAuthzPolicy extAuthz(ConfigNode node) {
    if (!node.mapping(UpstreamFields.EXT_AUTHZ)) {
      return null;
    }
    Backend target = target(node);
    Duration timeout = timeout(node.field("policies"));
    ExtAuthzPolicy.Protocol protocol = ExtAuthzPolicy.Protocol.GRPC;
    Map<String, String> context = Map.of();
    List<String> responseHeaders = List.of();
    boolean ok = true;
    ConfigNode protocolNode = node.field("protocol");
    if (protocolNode.present()) {
      String kind = protocolNode.oneOf(UpstreamFields.EXT_AUTHZ_PROTOCOL);
      ok = kind != null;
      if ("grpc".equals(kind)) {
        ConfigNode grpc = protocolNode.field("grpc");
        if (!grpc.present() || grpc.mapping(UpstreamFields.EXT_AUTHZ_GRPC)) {
          context = context(grpc.field("context"));
          ok = context != null;
        }
      } else if ("http".equals(kind)) {
        protocol = ExtAuthzPolicy.Protocol.HTTP;
        ConfigNode http = protocolNode.field("http");
        if (http.mapping(UpstreamFields.EXT_AUTHZ_HTTP)) {
          responseHeaders = headerNames(http.field("includeResponseHeaders"), false);
          ok = responseHeaders != null;
        }
      }
    }
    ConfigNode headersNode = node.field("includeRequestHeaders");
    List<String> requestHeaders = headersNode.present() ? headerNames(headersNode, true) : null;
    ok &= !headersNode.present() || requestHeaders != null;
    ConfigNode bodyNode = node.field("includeRequestBody");
    ExtAuthzPolicy.BodyOptions body = body(bodyNode);
    ok &= !bodyNode.present() || body != null;
    ConfigNode failureNode = node.field("failureMode");
    Integer failureStatus = ExtAuthzPolicy.DEFAULT_FAILURE_STATUS;
    ExtAuthzPolicy.FailureMode failureMode = ExtAuthzPolicy.FailureMode.DENY;
    if (failureNode.isText()) {
      String mode = failureNode.choice(List.of("allow", "deny"));
      ok &= mode != null;
      if ("allow".equals(mode)) {
        failureMode = ExtAuthzPolicy.FailureMode.ALLOW;
      }
    } else if (failureNode.present()) {
      ok &= failureNode.oneOf(UpstreamFields.EXT_AUTHZ_FAILURE) != null;
      failureStatus = failureNode.field("denyWithStatus").integer(100, 999);
      ok &= failureStatus != null;
    }
    if (!ok || target == null || (node.field("policies").present() && timeout == null)) {
      return null;
    }
    return new ExtAuthzPolicy(
        target,
        protocol,
        context,
        responseHeaders,
        requestHeaders,
        body,
        failureMode,
        failureStatus,
        timeout);
  }

  /** {@code remoteRateLimit}, or {@code null} when absent or wrong (reported). */
  static RemoteRateLimitPolicy remoteRateLimit(ConfigNode node) {
    if (!node.mapping(UpstreamFields.REMOTE_RATE_LIMIT)) {
      return null;
    }
    Backend target = target(node);
    ConfigNode policies = node.field("policies");
    Duration timeout = timeout(policies);
    ConfigNode domainNode = node.field("domain");
    String domain = domainNode.require() ? domainNode.requiredText() : null;
    ConfigNode descriptorsNode = node.field("descriptors");
    List<RemoteRateLimitPolicy.Descriptor> descriptors = new ArrayList<>();
    boolean ok = descriptorsNode.require();
    if (ok && !descriptorsNode.raw().isArray()) {
      descriptorsNode.error("expected a list of descriptors");
      ok = false;
    }
    for (ConfigNode item : descriptorsNode.list()) {
      RemoteRateLimitPolicy.Descriptor d = descriptor(item);
      ok &= d != null;
      if (d != null) {
        descriptors.add(d);
      }
    }
    if (ok && descriptors.isEmpty()) {
      descriptorsNode.error("at least one descriptor is required");
      ok = false;
    }
    RemoteRateLimitPolicy.FailureMode failureMode = RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED;
    ConfigNode failureNode = node.field("failureMode");
    if (failureNode.present()) {
      String mode = failureNode.choice(List.of("failClosed", "FailClosed", "failOpen", "FailOpen"));
      ok &= mode != null;
      if (mode != null && mode.equalsIgnoreCase("failOpen")) {
        failureMode = RemoteRateLimitPolicy.FailureMode.FAIL_OPEN;
      }
    }
    if (!ok || target == null || domain == null || (policies.present() && timeout == null)) {
      return null;
    }
    return new RemoteRateLimitPolicy(target, domain, descriptors, failureMode, timeout);
  }

  private static RemoteRateLimitPolicy.Descriptor descriptor(ConfigNode node) {
    if (!node.mapping(UpstreamFields.DESCRIPTOR)) {
      if (!node.present()) {
        node.require();
      }
      return null;
    }
    ConfigNode typeNode = node.field("type");
    if (typeNode.present()) {
      String type = typeNode.choice(List.of("requests", "tokens"));
      if ("tokens".equals(type)) {
        typeNode.error("type tokens is not supported yet (only requests)");
        return null;
      }
      if (type == null) {
        return null;
      }
    }
    ConfigNode entriesNode = node.field("entries");
    if (!entriesNode.require()) {
      return null;
    }
    List<RemoteRateLimitPolicy.Entry> entries = new ArrayList<>();
    boolean ok = true;
    for (ConfigNode item : entriesNode.list()) {
      if (!item.mapping(UpstreamFields.DESCRIPTOR_ENTRY)) {
        ok = false;
        continue;
      }
      ConfigNode keyNode = item.field("key");
      ConfigNode valueNode = item.field("value");
      String key = keyNode.require() ? keyNode.requiredText() : null;
      String value = valueNode.require() ? valueNode.requiredText() : null;
      if (key == null || value == null) {
        ok = false;
        continue;
      }
      entries.add(new RemoteRateLimitPolicy.Entry(key, value));
    }
    if (ok && entries.isEmpty()) {
      entriesNode.error("at least one entry is required");
      return null;
    }
    return ok ? new RemoteRateLimitPolicy.Descriptor(entries) : null;
  }

  /** The called service: {@code host} only so far ({@code service} and {@code backend} later). */
  private static Backend target(ConfigNode node) {
    String kind = node.variant(UpstreamFields.SERVICE_TARGET);
    return "host".equals(kind) ? BackendReader.host(node.field("host")) : null;
  }

  /**
   * {@code policies.http.requestTimeout}: how long one call may take; {@code null} when absent or
   * wrong (reported).
   */
  private static Duration timeout(ConfigNode policies) {
    if (!policies.mapping(UpstreamFields.SERVICE_POLICIES)) {
      return null;
    }
    ConfigNode http = policies.field("http");
    if (!http.mapping(UpstreamFields.SERVICE_HTTP)) {
      return null;
    }
    ConfigNode node = http.field("requestTimeout");
    Duration timeout = node.duration();
    if (timeout != null && timeout.isZero()) {
      node.error("requestTimeout must be positive");
      return null;
    }
    return timeout;
  }

  private static Map<String, String> context(ConfigNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.present() && !node.isMapping()) {
      node.error("expected a mapping of names to values");
      return null;
    }
    for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
      String value = e.getValue().text();
      if (value == null) {
        e.getValue().error("expected a string");
        return null;
      }
      out.put(e.getKey(), value);
    }
    return out;
  }

  /** A list of header names, lower-cased; the pseudo headers only where {@code pseudo}. */
  private static List<String> headerNames(ConfigNode list, boolean pseudo) {
    List<String> out = new ArrayList<>();
    if (list.present() && !list.raw().isArray()) {
      list.error("expected a list of header names");
      return null;
    }
    boolean ok = true;
    for (ConfigNode item : list.list()) {
      String name = item.requiredText();
      if (name == null) {
        ok = false;
      } else if (pseudo && name.startsWith(":")) {
        if (!PSEUDO_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          item.error("unknown pseudo header (expected one of " + PSEUDO_HEADERS + ")");
          ok = false;
        } else {
          out.add(name.toLowerCase(Locale.ROOT));
        }
      } else if (!HeaderNames.isToken(name)) {
        item.error("invalid header name");
        ok = false;
      } else {
        out.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return ok ? out : null;
  }

  private static ExtAuthzPolicy.BodyOptions body(ConfigNode node) {
    if (!node.mapping(UpstreamFields.BODY_OPTIONS)) {
      return null;
    }
    ConfigNode maxNode = node.field("maxRequestBytes");
    Integer max = maxNode.present() ? maxNode.integer(0, Integer.MAX_VALUE - 8) : null;
    if (maxNode.present() && max == null) {
      return null;
    }
    // Upstream's 0 means its default, as an absent field does.
    int bytes =
        max == null || max == 0 ? ExtAuthzPolicy.BodyOptions.DEFAULT_MAX_REQUEST_BYTES : max;
    Boolean partial = bool(node.field("allowPartialMessage"));
    Boolean pack = bool(node.field("packAsBytes"));
    if (partial == null || pack == null) {
      return null;
    }
    return new ExtAuthzPolicy.BodyOptions(bytes, partial, pack);
  }

  private static Boolean bool(ConfigNode node) {
    return node.present() ? node.bool() : Boolean.FALSE;
  }
}
