package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Process log settings.
 *
 * @param level a RUST_LOG-style filter such as {@code info} or {@code warn,proxy=debug}
 * @param format how lines are written
 * @param filter a CEL expression over the request; an access log line is written only when it is
 *     {@code true}; null writes every line
 * @param fields access log fields added (CEL) or removed
 */
public record LoggingConfig(String level, Format format, String filter, TelemetryFields fields) {

  public static final LoggingConfig DEFAULT = new LoggingConfig("info", Format.TEXT);

  public LoggingConfig {
    level = Objects.requireNonNullElse(level, "info");
    format = Objects.requireNonNullElse(format, Format.TEXT);
    fields = Objects.requireNonNullElse(fields, TelemetryFields.NONE);
  }

  /** Level and format only: every access log line, with its standard fields. */
  public LoggingConfig(String level, Format format) {
    this(level, format, null, TelemetryFields.NONE);
  }

  /** These settings with another level and format (the access log settings are kept). */
  public LoggingConfig withLevelAndFormat(String level, Format format) {
    return new LoggingConfig(level, format, filter, fields);
  }

  /** Log line format. */
  public enum Format {
    TEXT,
    JSON
  }
}
