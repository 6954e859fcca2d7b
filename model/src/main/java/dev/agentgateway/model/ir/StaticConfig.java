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
 * @param sessionKey the key that seals MCP session ids ({@code config.session.key} or {@code
 *     SESSION_KEY}), or {@code null} for unsealed ids
 * @param mcpSessionTtl how long an idle MCP session lives ({@code config.mcp.sessionTtl})
 * @param tracing where request spans go ({@code config.tracing}), or {@code null} for no tracing
 */
public record StaticConfig(
    String adminAddr,
    String statsAddr,
    String readinessAddr,
    LoggingConfig logging,
    BackendConfig backend,
    Duration connectionMinTerminationDeadline,
    Duration connectionTerminationDeadline,
    SessionKey sessionKey,
    Duration mcpSessionTtl,
    TracingConfig tracing) {

  public static final String DEFAULT_ADMIN_ADDR = "localhost:15000";
  public static final String DEFAULT_STATS_ADDR = "0.0.0.0:15020";
  public static final String DEFAULT_READINESS_ADDR = "0.0.0.0:15021";
  public static final Duration DEFAULT_MCP_SESSION_TTL = Duration.ofMinutes(30);

  /** Defaults as upstream documents them. */
  public static final StaticConfig DEFAULT =
      new StaticConfig(
          DEFAULT_ADMIN_ADDR,
          DEFAULT_STATS_ADDR,
          DEFAULT_READINESS_ADDR,
          LoggingConfig.DEFAULT,
          BackendConfig.DEFAULT,
          Duration.ofSeconds(10),
          Duration.ofSeconds(25),
          null,
          DEFAULT_MCP_SESSION_TTL,
          null);

  public StaticConfig {
    logging = Objects.requireNonNullElse(logging, LoggingConfig.DEFAULT);
    backend = Objects.requireNonNullElse(backend, BackendConfig.DEFAULT);
    Objects.requireNonNull(connectionMinTerminationDeadline, "connectionMinTerminationDeadline");
    Objects.requireNonNull(connectionTerminationDeadline, "connectionTerminationDeadline");
    mcpSessionTtl = Objects.requireNonNullElse(mcpSessionTtl, DEFAULT_MCP_SESSION_TTL);
    if (mcpSessionTtl.isNegative() || mcpSessionTtl.isZero()) {
      throw new IllegalArgumentException("mcpSessionTtl must be positive");
    }
  }

  /** Without MCP session settings: no session key and the default session TTL. */
  public StaticConfig(
      String adminAddr,
      String statsAddr,
      String readinessAddr,
      LoggingConfig logging,
      BackendConfig backend,
      Duration connectionMinTerminationDeadline,
      Duration connectionTerminationDeadline) {
    this(
        adminAddr,
        statsAddr,
        readinessAddr,
        logging,
        backend,
        connectionMinTerminationDeadline,
        connectionTerminationDeadline,
        null,
        DEFAULT_MCP_SESSION_TTL,
        null);
  }

  /** Without tracing. */
  public StaticConfig(
      String adminAddr,
      String statsAddr,
      String readinessAddr,
      LoggingConfig logging,
      BackendConfig backend,
      Duration connectionMinTerminationDeadline,
      Duration connectionTerminationDeadline,
      SessionKey sessionKey,
      Duration mcpSessionTtl) {
    this(
        adminAddr,
        statsAddr,
        readinessAddr,
        logging,
        backend,
        connectionMinTerminationDeadline,
        connectionTerminationDeadline,
        sessionKey,
        mcpSessionTtl,
        null);
  }
}
