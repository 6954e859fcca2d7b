package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Process log settings.
 *
 * @param level a RUST_LOG-style filter such as {@code info} or {@code warn,proxy=debug}
 * @param format how lines are written
 */
public record LoggingConfig(String level, Format format) {

  public static final LoggingConfig DEFAULT = new LoggingConfig("info", Format.TEXT);

  public LoggingConfig {
    level = Objects.requireNonNullElse(level, "info");
    format = Objects.requireNonNullElse(format, Format.TEXT);
  }

  /** Log line format. */
  public enum Format {
    TEXT,
    JSON
  }
}
