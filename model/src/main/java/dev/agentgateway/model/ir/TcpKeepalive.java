package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * TCP keepalive on downstream connections ({@code frontend.tcp.keepalive}); each part null for the
 * operating system's default.
 *
 * @param time how long a connection is idle before the first probe
 * @param interval the time between probes
 * @param retries how many unanswered probes close the connection (1..64)
 */
public record TcpKeepalive(Duration time, Duration interval, Integer retries) {
  public TcpKeepalive {
    positive("time", time);
    positive("interval", interval);
    if (retries != null && (retries < 1 || retries > 64)) {
      throw new IllegalArgumentException("retries must be between 1 and 64, got " + retries);
    }
  }

  private static void positive(String field, Duration d) {
    if (d != null && (d.isNegative() || d.toSeconds() < 1)) {
      throw new IllegalArgumentException(field + " must be at least 1s");
    }
  }
}
