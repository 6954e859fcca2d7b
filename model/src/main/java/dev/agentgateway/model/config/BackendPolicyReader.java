package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.model.ir.HealthPolicy;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads a plain backend's {@code tcp}, {@code http} and {@code health} policies (upstream's TCP,
 * HTTP and LocalHealthPolicy), with upstream's standalone field names.
 */
final class BackendPolicyReader {
  private BackendPolicyReader() {}

  /** {@code tcp: {connectTimeout, keepalives: {enabled, time, interval, retries}}}. */
  static BackendTcpPolicy tcp(ConfigNode node) {
    if (!node.mapping(UpstreamFields.BACKEND_TCP)) {
      return null;
    }
    Duration connect = positive(node.field("connectTimeout"));
    ConfigNode k = node.field("keepalives");
    BackendTcpPolicy.Keepalive keepalive = null;
    if (k.mapping(UpstreamFields.KEEPALIVE)) {
      Boolean enabled = k.field("enabled").bool();
      Duration time = atLeastSecond(k.field("time"));
      Duration interval = atLeastSecond(k.field("interval"));
      Integer retries = k.field("retries").integer(1, 127);
      keepalive =
          new BackendTcpPolicy.Keepalive(enabled == null || enabled, time, interval, retries);
    }
    return new BackendTcpPolicy(connect, keepalive);
  }

  /** {@code http: {version, requestTimeout}}. */
  static BackendHttpPolicy http(ConfigNode node) {
    if (!node.mapping(UpstreamFields.BACKEND_HTTP)) {
      return null;
    }
    ConfigNode versionNode = node.field("version");
    String text = versionNode.text();
    BackendHttpPolicy.Version version = null;
    if (text != null) {
      version =
          switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "HTTP1", "HTTP/1.1", "HTTP/1", "1.1" -> BackendHttpPolicy.Version.HTTP1;
            case "HTTP2", "HTTP/2", "HTTP/2.0", "2", "2.0" -> BackendHttpPolicy.Version.HTTP2;
            default -> {
              versionNode.error("must be HTTP1 or HTTP2 (or HTTP/1.1, HTTP/2)");
              yield null;
            }
          };
    }
    return new BackendHttpPolicy(version, positive(node.field("requestTimeout")));
  }

  /**
   * {@code health: {unhealthyExpression, eviction: {duration, consecutiveFailures, healthThreshold,
   * restoreHealth}}}; health scores are fractions from 0 to 1.
   */
  static HealthPolicy health(ConfigNode node) {
    if (!node.mapping(UpstreamFields.HEALTH)) {
      return null;
    }
    ConfigNode exprNode = node.field("unhealthyExpression");
    String expression = exprNode.present() ? exprNode.requiredText() : null;
    ConfigNode e = node.field("eviction");
    HealthPolicy.Eviction eviction = null;
    if (e.mapping(UpstreamFields.EVICTION)) {
      eviction =
          new HealthPolicy.Eviction(
              positive(e.field("duration")),
              e.field("consecutiveFailures").integer(0, Integer.MAX_VALUE),
              e.field("healthThreshold").number(0, 1),
              e.field("restoreHealth").number(0, 1));
    }
    return new HealthPolicy(expression, eviction);
  }

  private static Duration positive(ConfigNode node) {
    Duration d = node.duration();
    if (d != null && (d.isZero() || d.isNegative())) {
      node.error("must be positive");
      return null;
    }
    return d;
  }

  private static Duration atLeastSecond(ConfigNode node) {
    Duration d = node.duration();
    if (d != null && d.compareTo(Duration.ofSeconds(1)) < 0) {
      node.error("must be at least 1s");
      return null;
    }
    return d;
  }
}
