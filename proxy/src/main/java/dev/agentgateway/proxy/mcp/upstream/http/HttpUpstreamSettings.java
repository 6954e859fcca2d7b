package dev.agentgateway.proxy.mcp.upstream.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * What all HTTP upstreams of one factory share.
 *
 * @param connectTimeout for opening a TCP (and TLS) connection
 * @param sendTimeout bounds what has no caller-given timeout: notifications and responses, the
 *     DELETE on close, and waiting for a legacy SSE server's endpoint event
 * @param version the HTTP version asked for; HTTP/1.1 by default, since MCP servers are mostly
 *     plain HTTP/1.1 and h2c upgrade attempts cost a round trip
 */
public record HttpUpstreamSettings(
    Duration connectTimeout, Duration sendTimeout, HttpClient.Version version) {
  public HttpUpstreamSettings {
    Objects.requireNonNull(version, "version");
    positive(connectTimeout, "connectTimeout");
    positive(sendTimeout, "sendTimeout");
  }

  /** 10 s to connect, 30 s to send. */
  public static HttpUpstreamSettings defaults() {
    return new HttpUpstreamSettings(
        Duration.ofSeconds(10), Duration.ofSeconds(30), HttpClient.Version.HTTP_1_1);
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
