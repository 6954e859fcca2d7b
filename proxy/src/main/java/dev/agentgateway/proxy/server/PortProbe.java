package dev.agentgateway.proxy.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds out why a port could not be opened: Helidon 4.5 reports a failed bind only in its log and
 * hands back a server that is not running, so we try the bind ourselves to get the reason.
 */
public final class PortProbe {
  private PortProbe() {}

  /** The exception binding {@code host:port} fails with now, or {@code null} if it binds. */
  public static IOException whyNotBindable(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  /** Same as {@link #whyNotBindable(String, int)} on all interfaces. */
  public static IOException whyNotBindable(int port) {
    return whyNotBindable("0.0.0.0", port);
  }
}
