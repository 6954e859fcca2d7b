package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BackendConfig;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.SessionKey;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TracingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        mcpSessionTtl(config.field("mcp"), d.mcpSessionTtl()),
        tracing(config.field("tracing")));
  }

  /** {@code config.tracing}; {@code null} (tracing off) when absent or invalid. */
  private static TracingConfig tracing(ConfigNode tracing) {
    if (!tracing.mapping(UpstreamFields.TRACING)) {
      return null;
    }
    ConfigNode endpoint = tracing.field("otlpEndpoint");
    String url = endpoint.requiredText();
    TracingConfig.Protocol protocol = null;
    String protocolText = tracing.field("otlpProtocol").choice(List.of("grpc", "http"));
    if (protocolText != null) {
      protocol =
          protocolText.equals("http") ? TracingConfig.Protocol.HTTP : TracingConfig.Protocol.GRPC;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    tracing
        .field("headers")
        .entries()
        .forEach(
            (name, value) -> {
              String text = value.text();
              if (text != null) {
                headers.put(name, text);
              }
            });
    ConfigNode path = tracing.field("path");
    String pathText = path.text();
    if (pathText != null && !pathText.startsWith("/")) {
      path.error("must start with /");
      pathText = null;
    }
    if (url == null) {
      return null;
    }
    try {
      return new TracingConfig(
          url,
          protocol,
          headers,
          pathText,
          tracing.field("randomSampling").text(),
          tracing.field("clientSampling").text(),
          fields(tracing.field("fields")));
    } catch (IllegalArgumentException e) {
      endpoint.error(e.getMessage());
      return null;
    }
  }

  /** {@code fields: {add: {name: cel}, remove: [name]}}. */
  static TelemetryFields fields(ConfigNode fields) {
    if (!fields.mapping(UpstreamFields.TELEMETRY_FIELDS)) {
      return TelemetryFields.NONE;
    }
    Map<String, String> add = new LinkedHashMap<>();
    fields
        .field("add")
        .entries()
        .forEach(
            (name, value) -> {
              String expression = value.requiredText();
              if (expression != null) {
                add.put(name, expression);
              }
            });
    List<String> remove = new ArrayList<>();
    for (ConfigNode item : fields.field("remove").list()) {
      String name = item.requiredText();
      if (name != null) {
        remove.add(name);
      }
    }
    return new TelemetryFields(add, remove);
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
    ConfigNode filter = logging.field("filter");
    String filterText = filter.text();
    if (filterText != null && filterText.isBlank()) {
      filter.error("must not be empty");
      filterText = null;
    }
    return new LoggingConfig(
        level(logging.field("level")),
        format(logging.field("format")),
        filterText,
        fields(logging.field("fields")));
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
