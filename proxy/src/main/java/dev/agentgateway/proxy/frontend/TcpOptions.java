package dev.agentgateway.proxy.frontend;

import dev.agentgateway.model.ir.TcpKeepalive;
import io.helidon.common.socket.SocketOptions;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;

/** Applies a frontend {@code tcp.keepalive} policy to the sockets a bind accepts. */
public final class TcpOptions {
  private TcpOptions() {}

  /** {@code options} with keepalive on and tuned as {@code keepalive} says; unchanged when null. */
  public static SocketOptions.Builder apply(SocketOptions.Builder options, TcpKeepalive keepalive) {
    if (keepalive == null) {
      return options;
    }
    options.socketKeepAlive(true);
    if (keepalive.time() != null) {
      options.putSocketOption(ExtendedSocketOptions.TCP_KEEPIDLE, seconds(keepalive.time()));
    }
    if (keepalive.interval() != null) {
      options.putSocketOption(
          ExtendedSocketOptions.TCP_KEEPINTERVAL, seconds(keepalive.interval()));
    }
    if (keepalive.retries() != null) {
      options.putSocketOption(ExtendedSocketOptions.TCP_KEEPCOUNT, keepalive.retries());
    }
    return options;
  }

  private static int seconds(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toSeconds()));
  }
}
