package dev.agentgateway.proxy.websocket;

import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.http2.Http2Config;
import io.helidon.webserver.http2.Http2UpgradeProvider;
import io.helidon.webserver.spi.ProtocolConfig;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Installs WebSocket passthrough on one bind's server: an HTTP/1.1 connection selector whose
 * upgraders are ours for {@code websocket} and Helidon's for {@code h2c}.
 *
 * <p>Helidon fills the upgraders of its own HTTP/1 selector only from service loading, so a server
 * that happens to have Helidon's websocket module on its class path would otherwise answer upgrades
 * itself. Selectors given to the listener explicitly are asked first, so ours takes every HTTP/1.1
 * connection and the service-loaded one stays idle; HTTP/2 prior knowledge still reaches Helidon's
 * HTTP/2 selector because ours, like Helidon's, declines anything but HTTP/1.1.
 */
public final class WebSocketPassthrough {
  private WebSocketPassthrough() {}

  /**
   * What the server shell applies to a bind's builder, after any protocol configs it sets: {@code
   * WebServer.builder().port(port).update(WebSocketPassthrough.install(state, port, observer,
   * drain))}. The HTTP/1 and HTTP/2 configs already added to the builder are honoured.
   */
  public static Consumer<WebServerConfig.Builder> install(
      StateHolder state, int port, RequestObserver observer, Drain drain) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(drain, "drain");
    return builder -> {
      List<ProtocolConfig> protocols = List.copyOf(builder.protocols());
      builder.addConnectionSelector(
          selector(
              state,
              port,
              observer,
              drain,
              find(protocols, Http1Config.class, Http1Config::create),
              find(protocols, Http2Config.class, Http2Config::create),
              ProtocolConfigs.create(protocols)));
    };
  }

  /** The HTTP/1.1 selector with both upgraders. */
  static ServerConnectionSelector selector(
      StateHolder state,
      int port,
      RequestObserver observer,
      Drain drain,
      Http1Config http1,
      Http2Config http2,
      ProtocolConfigs protocols) {
    PassthroughUpgrader websocket = new PassthroughUpgrader(state, port, observer, drain);
    var selector =
        Http1ConnectionSelector.builder()
            .config(http1)
            .addUpgrader(
                Http2UpgradeProvider.builder().http2Config(http2).build().create(http2, protocols));
    // Helidon looks the upgrader up by the exact Upgrade header value; accept the common spellings.
    for (String token : PassthroughUpgrader.TOKENS) {
      selector.putUpgrader(token, websocket);
    }
    return selector.build();
  }

  private static <T extends ProtocolConfig> T find(
      List<ProtocolConfig> protocols, Class<T> type, Supplier<T> fallback) {
    for (ProtocolConfig config : protocols) {
      if (type.isInstance(config)) {
        return type.cast(config);
      }
    }
    return fallback.get();
  }
}
