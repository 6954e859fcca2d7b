package dev.agentgateway.proxy.websocket;

import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.spi.ServerConnection;
import java.util.List;

/**
 * Takes over an HTTP/1.1 connection that asks for {@code Upgrade: websocket}; the handshake and
 * everything after it is done by {@link UpgradeRelay} on the connection's own virtual thread.
 */
final class PassthroughUpgrader implements Http1Upgrader {
  /** Spellings of the protocol token we register under (Helidon matches the header exactly). */
  static final List<String> TOKENS = List.of("websocket", "WebSocket", "Websocket");

  private final StateHolder state;
  private final int port;
  private final RequestObserver observer;
  private final Drain drain;

  PassthroughUpgrader(StateHolder state, int port, RequestObserver observer, Drain drain) {
    this.state = state;
    this.port = port;
    this.observer = observer;
    this.drain = drain;
  }

  @Override
  public String supportedProtocol() {
    return TOKENS.get(0);
  }

  /**
   * Returns {@code null} (plain HTTP handling) unless this is a GET that names {@code upgrade} in
   * {@code Connection}, as RFC 6455 requires; the proxy handler then forwards it without the
   * upgrade.
   */
  @Override
  public ServerConnection upgrade(
      ConnectionContext ctx, HttpPrologue prologue, WritableHeaders<?> headers) {
    if (!Method.GET.equals(prologue.method())
        || !Heads.hasToken(headers, HeaderNames.CONNECTION, "upgrade")) {
      return null;
    }
    return new UpgradeRelay(ctx, prologue, headers, state.get(), port, observer, drain);
  }
}
