package dev.agentgateway.proxy.server;

import dev.agentgateway.model.ir.Bind;
import io.helidon.webserver.WebServerConfig;

/**
 * Adjusts the Helidon server of one bind after our settings are applied and before it starts.
 *
 * <p>This is where the WebSocket upgrade passthrough ({@code
 * dev.agentgateway.proxy.websocket.WebSocketPassthrough}) plugs into each bind's HTTP/1 protocol
 * config (e.g. {@code server.addProtocol(...)} or {@code server.addConnectionSelector(...)}).
 */
@FunctionalInterface
public interface BindCustomizer {

  /** Leaves the server as configured. */
  BindCustomizer NONE = (bind, server) -> {};

  /** Customizes {@code server}, the builder for {@code bind}'s listener. */
  void customize(Bind bind, WebServerConfig.Builder server);
}
