package dev.agentgateway.proxy.http.upstream;

import dev.agentgateway.model.ir.BackendTcpPolicy;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;

/**
 * A backend's TCP settings (its {@code tcp} policy) for the connections the pool opens to it.
 *
 * @param connectTimeout bound on connecting (and a TLS handshake), or {@code null} for the pool's
 * @param keepalive keepalive probes, or {@code null} for the pool's default (on, system timers)
 */
public record SocketOptions(Duration connectTimeout, BackendTcpPolicy.Keepalive keepalive) {

  /** The options of {@code policy}, or {@code null} when it sets nothing. */
  public static SocketOptions of(BackendTcpPolicy policy) {
    if (policy == null || (policy.connectTimeout() == null && policy.keepalive() == null)) {
      return null;
    }
    return new SocketOptions(policy.connectTimeout(), policy.keepalive());
  }

  /** The connect timeout in milliseconds, or {@code fallback} when not set. */
  int connectTimeoutMillis(int fallback) {
    return connectTimeout == null
        ? fallback
        : (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
  }

  /** Applies the keepalive settings before connecting; options the platform lacks are skipped. */
  void apply(Socket socket) throws IOException {
    if (keepalive == null) {
      return;
    }
    socket.setKeepAlive(keepalive.enabled());
    if (!keepalive.enabled()) {
      return;
    }
    var supported = socket.supportedOptions();
    if (keepalive.time() != null && supported.contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
      socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, seconds(keepalive.time()));
    }
    if (keepalive.interval() != null
        && supported.contains(ExtendedSocketOptions.TCP_KEEPINTERVAL)) {
      socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, seconds(keepalive.interval()));
    }
    if (keepalive.retries() != null && supported.contains(ExtendedSocketOptions.TCP_KEEPCOUNT)) {
      socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, keepalive.retries());
    }
  }

  private static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(32767, d.toSeconds()));
  }
}
