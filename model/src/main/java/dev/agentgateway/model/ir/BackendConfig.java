package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.Objects;

/**
 * Upstream connection settings ({@code config.backend}).
 *
 * @param connectTimeout how long a TCP connect may take
 * @param poolIdleTimeout how long an idle pooled connection is kept
 * @param poolMaxSize the most idle connections kept per upstream, or 0 for no limit
 */
public record BackendConfig(Duration connectTimeout, Duration poolIdleTimeout, int poolMaxSize) {

  public static final BackendConfig DEFAULT =
      new BackendConfig(Duration.ofSeconds(10), Duration.ofSeconds(90), 0);

  public BackendConfig {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(poolIdleTimeout, "poolIdleTimeout");
  }
}
