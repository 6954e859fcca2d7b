package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * TCP settings of connections to a backend (upstream's backend {@code tcp}).
 *
 * @param connectTimeout bound on establishing a connection, or {@code null} for the proxy's default
 * @param keepalive TCP keepalive probes on the connection, or {@code null} for the proxy's default
 */
public record BackendTcpPolicy(Duration connectTimeout, Keepalive keepalive) {
  public BackendTcpPolicy {
    if (connectTimeout != null && (connectTimeout.isNegative() || connectTimeout.isZero())) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
  }

  /**
   * TCP keepalive (upstream's {@code KeepaliveConfig}); Linux counts its times in whole seconds.
   *
   * @param enabled whether probes are sent at all
   * @param time idle time before the first probe, or {@code null} for the system's
   * @param interval time between probes, or {@code null} for the system's
   * @param retries unanswered probes before the connection is dropped, or {@code null}
   */
  public record Keepalive(boolean enabled, Duration time, Duration interval, Integer retries) {
    public Keepalive {
      requireSeconds("time", time);
      requireSeconds("interval", interval);
      if (retries != null && (retries < 1 || retries > 127)) {
        throw new IllegalArgumentException("retries must be between 1 and 127");
      }
    }

    private static void requireSeconds(String field, Duration d) {
      if (d != null && d.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(field + " must be at least 1s");
      }
    }
  }
}
