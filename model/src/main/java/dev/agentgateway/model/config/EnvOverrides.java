package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.SessionKey;
import dev.agentgateway.model.ir.StaticConfig;
import java.time.Duration;
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
        new LoggingConfig(level == null ? logging.level() : level, format),
        c.backend(),
        minTerminationDeadline(c.connectionMinTerminationDeadline()),
        terminationDeadline(c.connectionTerminationDeadline()),
        sessionKey(c.sessionKey()),
        c.mcpSessionTtl());
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
