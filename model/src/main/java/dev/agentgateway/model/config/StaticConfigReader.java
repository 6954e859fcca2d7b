package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BackendConfig;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.SessionKey;
import dev.agentgateway.model.ir.StaticConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Reads the {@code config:} section into {@link StaticConfig}; env overrides come after. */
final class StaticConfigReader {
  /** The value that turns an admin, stats or readiness server off. */
  static final String OFF = "off";

  private StaticConfigReader() {}

  static StaticConfig read(ConfigNode config) {
    StaticConfig d = StaticConfig.DEFAULT;
    if (!config.mapping(UpstreamFields.CONFIG)) {
      return d;
    }
    return new StaticConfig(
        address(config.field("adminAddr"), d.adminAddr()),
        address(config.field("statsAddr"), d.statsAddr()),
        address(config.field("readinessAddr"), d.readinessAddr()),
        logging(config.field("logging")),
        backend(config.field("backend")),
        orDefault(
            config.field("connectionMinTerminationDeadline").duration(),
            d.connectionMinTerminationDeadline()),
        orDefault(
            config.field("connectionTerminationDeadline").duration(),
            d.connectionTerminationDeadline()),
        sessionKey(config.field("session")),
        mcpSessionTtl(config.field("mcp"), d.mcpSessionTtl()));
  }

  /** {@code session.key}: 64 hex digits. Errors never repeat the value, a secret. */
  private static SessionKey sessionKey(ConfigNode session) {
    if (!session.mapping(UpstreamFields.SESSION)) {
      return null;
    }
    ConfigNode keyNode = session.field("key");
    String key = keyNode.requiredText();
    return key == null ? null : sessionKey(key, keyNode::error);
  }

  /** The key in {@code text} (trimmed), or {@code null} after reporting why it is not one. */
  static SessionKey sessionKey(String text, Consumer<String> error) {
    String hex = text.trim();
    if (!SessionKey.isValid(hex)) {
      error.accept(SessionKey.PROBLEM);
      return null;
    }
    return new SessionKey(hex);
  }

  private static Duration mcpSessionTtl(ConfigNode mcp, Duration fallback) {
    if (!mcp.mapping(UpstreamFields.MCP_CONFIG)) {
      return fallback;
    }
    ConfigNode ttlNode = mcp.field("sessionTtl");
    Duration ttl = ttlNode.duration();
    if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
      ttlNode.error("must be more than 0s");
      return fallback;
    }
    return orDefault(ttl, fallback);
  }

  /** A listen address, {@code null} for {@code off}, or {@code fallback} when absent or bad. */
  static String address(ConfigNode node, String fallback) {
    String text = node.text();
    if (text == null) {
      return fallback;
    }
    String checked = checkAddress(text);
    if (checked != null) {
      node.error(checked);
      return fallback;
    }
    return text.equals(OFF) ? null : text;
  }

  /** Why {@code text} is not a listen address, or {@code null} when it is one. */
  static String checkAddress(String text) {
    if (text.equals(OFF)) {
      return null;
    }
    if (text.startsWith("unix:")) {
      return "unix socket addresses are not supported yet";
    }
    try {
      HostPort.parse(text, 0);
      return null;
    } catch (IllegalArgumentException e) {
      return "invalid address: " + e.getMessage();
    }
  }

  private static LoggingConfig logging(ConfigNode logging) {
    if (!logging.mapping(UpstreamFields.LOGGING)) {
      return LoggingConfig.DEFAULT;
    }
    return new LoggingConfig(level(logging.field("level")), format(logging.field("format")));
  }

  private static String level(ConfigNode level) {
    if (!level.present()) {
      return null;
    }
    if (level.raw().isArray()) {
      List<String> parts = new ArrayList<>();
      for (ConfigNode item : level.list()) {
        String part = item.text();
        if (part != null && !part.isBlank()) {
          parts.add(part.trim());
        }
      }
      return parts.isEmpty() ? null : String.join(",", parts);
    }
    String text = level.text();
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static LoggingConfig.Format format(ConfigNode format) {
    String text = format.text();
    if (text == null) {
      return null;
    }
    LoggingConfig.Format parsed = parseFormat(text);
    if (parsed == null) {
      format.error("must be one of text, json");
    }
    return parsed;
  }

  /** The format named {@code text} ({@code text} or {@code json}), or {@code null}. */
  static LoggingConfig.Format parseFormat(String text) {
    return switch (text) {
      case "text" -> LoggingConfig.Format.TEXT;
      case "json" -> LoggingConfig.Format.JSON;
      default -> null;
    };
  }

  private static BackendConfig backend(ConfigNode backend) {
    BackendConfig d = BackendConfig.DEFAULT;
    if (!backend.mapping(UpstreamFields.BACKEND_CONFIG)) {
      return d;
    }
    Integer poolMaxSize = backend.field("poolMaxSize").integer(0, Integer.MAX_VALUE);
    return new BackendConfig(
        orDefault(backend.field("connectTimeout").duration(), d.connectTimeout()),
        orDefault(backend.field("poolIdleTimeout").duration(), d.poolIdleTimeout()),
        poolMaxSize == null ? d.poolMaxSize() : poolMaxSize);
  }

  static Duration orDefault(Duration value, Duration fallback) {
    return Objects.requireNonNullElse(value, fallback);
  }
}
