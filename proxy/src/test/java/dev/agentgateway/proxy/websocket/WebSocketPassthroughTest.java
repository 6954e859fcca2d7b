package dev.agentgateway.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.http2.Http2Upgrader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebSocketPassthroughTest {

  @Test
  void addsOneHttp1SelectorWithOurUpgraderAndHelidonsH2c() {
    Http1Config http1 = Http1Config.builder().maxHeadersSize(4096).build();
    WebServerConfig.Builder builder = WebServer.builder().port(0).addProtocol(http1);

    builder.update(
        WebSocketPassthrough.install(
            new StateHolder(ProxyState.compile(GatewayConfig.empty(StaticConfig.DEFAULT), 1)),
            0,
            RequestObserver.NOOP,
            new Drain()));

    assertEquals(1, builder.connectionSelectors().size());
    Http1ConnectionSelector selector =
        assertInstanceOf(Http1ConnectionSelector.class, builder.connectionSelectors().get(0));
    assertSame(http1, selector.prototype().config(), "the shell's HTTP/1 settings are kept");
    assertEquals(
        Set.of("h2c", "websocket", "WebSocket", "Websocket"),
        selector.prototype().upgraders().keySet());
    assertInstanceOf(PassthroughUpgrader.class, selector.prototype().upgraders().get("websocket"));
    assertInstanceOf(Http2Upgrader.class, selector.prototype().upgraders().get("h2c"));
  }
}
