package dev.agentgateway.proxy.http;

import io.helidon.webclient.api.ConnectedSocketChannelInfo;
import io.helidon.webclient.api.ConnectedSocketInfo;
import io.helidon.webclient.api.ConnectionListener;

/**
 * Tells the upstream try running on the current thread that the client opened a new connection.
 * Helidon calls the listener on the thread that connects, right after the TCP handshake, so a
 * thread-local ties the event to the try without any lookup.
 */
final class ConnectTimer implements ConnectionListener {
  private final ThreadLocal<UpstreamTry> current = new ThreadLocal<>();

  void begin(UpstreamTry attempt) {
    current.set(attempt);
  }

  void end() {
    current.remove();
  }

  @Override
  public void socketConnected(ConnectedSocketInfo info) {
    UpstreamTry attempt = current.get();
    if (attempt != null) {
      attempt.connected();
    }
  }

  @Override
  public void socketChannelConnected(ConnectedSocketChannelInfo info) {
    UpstreamTry attempt = current.get();
    if (attempt != null) {
      attempt.connected();
    }
  }
}
