package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings read once at start-up (the {@code config:} section plus environment overrides).
 *
 * @param adminAddr admin server address ({@code host:port}), or {@code null} when {@code off}
 * @param statsAddr metrics server address, or {@code null} when {@code off}
 * @param readinessAddr readiness server address, or {@code null} when {@code off}
 * @param logging log level and format
 * @param backend upstream connection settings
 * @param connectionMinTerminationDeadline how long to keep accepting after SIGTERM
 * @param connectionTerminationDeadline the most time draining may take after that
 */
public record StaticConfig(
    String adminAddr,
    String statsAddr,
    String readinessAddr,
    LoggingConfig logging,
    BackendConfig backend,
    Duration connectionMinTerminationDeadline,
    Duration connectionTerminationDeadline) {

  public static final String DEFAULT_ADMIN_ADDR = "localhost:15000";
  public static final String DEFAULT_STATS_ADDR = "0.0.0.0:15020";
  public static final String DEFAULT_READINESS_ADDR = "0.0.0.0:15021";

  /** Defaults as upstream documents them. */
  public static final StaticConfig DEFAULT =
      new StaticConfig(
          DEFAULT_ADMIN_ADDR,
          DEFAULT_STATS_ADDR,
          DEFAULT_READINESS_ADDR,
          LoggingConfig.DEFAULT,
          BackendConfig.DEFAULT,
          Duration.ofSeconds(10),
          Duration.ofSeconds(25));

  public StaticConfig {
    logging = Objects.requireNonNullElse(logging, LoggingConfig.DEFAULT);
    backend = Objects.requireNonNullElse(backend, BackendConfig.DEFAULT);
    Objects.requireNonNull(connectionMinTerminationDeadline, "connectionMinTerminationDeadline");
    Objects.requireNonNull(connectionTerminationDeadline, "connectionTerminationDeadline");
  }
}
