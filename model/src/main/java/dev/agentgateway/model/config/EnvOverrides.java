package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.SessionKey;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.TracingConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Environment variables that override the {@code config:} section (the environment wins). Errors
 * are reported at {@code env.NAME} and never repeat the value.
 */
final class EnvOverrides {
  /** How much earlier than the pod's grace period draining must finish. */
  static final Duration GRACE_PERIOD_MARGIN = Duration.ofSeconds(5);

  private final Map<String, String> env;
  private final ReadContext ctx;

  EnvOverrides(Map<String, String> env, ReadContext ctx) {
    this.env = env;
    this.ctx = ctx;
  }

  StaticConfig apply(StaticConfig c) {
    LoggingConfig logging = c.logging();
    String level = get("RUST_LOG");
    String formatText = get("LOG_FORMAT");
    LoggingConfig.Format format = logging.format();
    if (formatText != null) {
      LoggingConfig.Format parsed =
          StaticConfigReader.parseFormat(formatText.toLowerCase(Locale.ROOT));
      if (parsed == null) {
        error("LOG_FORMAT", "must be one of text, json");
      } else {
        format = parsed;
      }
    }
    return new StaticConfig(
        address("ADMIN_ADDR", c.adminAddr()),
        address("STATS_ADDR", c.statsAddr()),
        address("READINESS_ADDR", c.readinessAddr()),
        logging.withLevelAndFormat(level == null ? logging.level() : level, format),
        c.backend(),
        minTerminationDeadline(c.connectionMinTerminationDeadline()),
        terminationDeadline(c.connectionTerminationDeadline()),
        sessionKey(c.sessionKey()),
        c.mcpSessionTtl(),
        tracing(c.tracing()));
  }

  /**
   * {@code OTLP_ENDPOINT}, then the OpenTelemetry SDK's {@code OTEL_EXPORTER_OTLP_[TRACES_]*}
   * variables (endpoint, protocol, headers); an endpoint set here turns tracing on.
   */
  private TracingConfig tracing(TracingConfig current) {
    String endpointName =
        firstSet(
            "OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
    String protocolName =
        firstSet("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
    String headersName =
        firstSet("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS");
    if (endpointName == null && protocolName == null && headersName == null) {
      return current;
    }
    String endpoint =
        endpointName != null ? get(endpointName) : current == null ? null : current.otlpEndpoint();
    if (endpoint == null) {
      return current; // protocol or headers alone do not say where to send spans
    }
    TracingConfig.Protocol protocol = current == null ? null : current.otlpProtocol();
    if (protocolName != null) {
      switch (get(protocolName)) {
        case "grpc" -> protocol = TracingConfig.Protocol.GRPC;
        case "http/protobuf", "http" -> protocol = TracingConfig.Protocol.HTTP;
        default -> error(protocolName, "must be one of grpc, http/protobuf");
      }
    }
    Map<String, String> headers =
        new LinkedHashMap<>(current == null ? Map.of() : current.headers());
    if (headersName != null) {
      for (String pair : get(headersName).split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          error(headersName, "expected name=value pairs separated by commas");
          break;
        }
        headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    try {
      return current == null
          ? new TracingConfig(endpoint, protocol, headers, null, null, null, null)
          : new TracingConfig(
              endpoint,
              protocol,
              headers,
              current.path(),
              current.randomSampling(),
              current.clientSampling(),
              current.fields());
    } catch (IllegalArgumentException e) {
      error(endpointName == null ? "OTEL_EXPORTER_OTLP_ENDPOINT" : endpointName, e.getMessage());
      return current;
    }
  }

  private String firstSet(String... names) {
    for (String name : names) {
      if (get(name) != null) {
        return name;
      }
    }
    return null;
  }

  /** {@code SESSION_KEY}, which wins over {@code config.session.key}. */
  private SessionKey sessionKey(SessionKey current) {
    String name = "SESSION_KEY";
    String value = get(name);
    if (value == null) {
      return current;
    }
    SessionKey key = StaticConfigReader.sessionKey(value, problem -> error(name, problem));
    return key == null ? current : key;
  }

  private String address(String name, String current) {
    String value = get(name);
    if (value == null) {
      return current;
    }
    String problem = StaticConfigReader.checkAddress(value);
    if (problem != null) {
      error(name, problem);
      return current;
    }
    return value.equals(StaticConfigReader.OFF) ? null : value;
  }

  /** A duration such as {@code 10s}, or plain seconds. */
  private Duration minTerminationDeadline(Duration current) {
    String name = "CONNECTION_MIN_TERMINATION_DEADLINE";
    String value = get(name);
    if (value == null) {
      return current;
    }
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      return Durations.parse(value);
    } catch (NumberFormatException e) {
      error(name, "number of seconds too large"); // the JDK message would repeat the value
      return current;
    } catch (IllegalArgumentException e) {
      error(name, "invalid duration: " + e.getMessage());
      return current;
    }
  }

  /** Kubernetes' grace period minus a margin, so draining ends before the pod is killed. */
  private Duration terminationDeadline(Duration current) {
    String name = "TERMINATION_GRACE_PERIOD_SECONDS";
    String value = get(name);
    if (value == null) {
      return current;
    }
    try {
      Duration grace = Duration.ofSeconds(Long.parseLong(value));
      if (grace.isNegative()) {
        error(name, "must not be negative");
        return current;
      }
      Duration deadline = grace.minus(GRACE_PERIOD_MARGIN);
      return deadline.isNegative() ? Duration.ZERO : deadline;
    } catch (NumberFormatException e) {
      error(name, "expected a whole number of seconds");
      return current;
    }
  }

  /** The trimmed value, or {@code null} when unset or blank. */
  private String get(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private void error(String name, String message) {
    ctx.error("env." + name, message);
  }
}
