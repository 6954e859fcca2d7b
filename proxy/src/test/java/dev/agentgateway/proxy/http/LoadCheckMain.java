package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;

import dev.agentgateway.model.ir.BackendConfig;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.helidon.webserver.WebServer;
import java.util.List;

/**
 * Runs a proxy for manual load checks: {@code LoadCheckMain <proxyPort> <upstreamPort>} forwards
 * everything on 127.0.0.1:proxyPort to 127.0.0.1:upstreamPort until the process is killed; {@code
 * LoadCheckMain <port> serve} answers 1 KiB itself, as a baseline for the server alone.
 */
public final class LoadCheckMain {
  private LoadCheckMain() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    if (args[1].equals("serve")) {
      // Baseline: the same server answering 1 KiB itself, without proxying.
      byte[] body = new byte[1024];
      java.util.Arrays.fill(body, (byte) 'x');
      WebServer.builder()
          .port(port)
          .routing(r -> r.any((req, res) -> res.send(body)))
          .build()
          .start();
      return;
    }
    int upstream = Integer.parseInt(args[1]);
    GatewayConfig config =
        TestConfigs.oneListener(
            port, FrontendHttp.DEFAULT, List.of(route("all", "/", null, local(upstream))));
    StateHolder state = new StateHolder(ProxyState.compile(config, 1));
    UpstreamClients clients = UpstreamClients.create(BackendConfig.DEFAULT);
    ProxyHandler handler =
        new ProxyHandler(state, port, clients, RequestObserver.NOOP, new Drain(), null);
    WebServer.builder().port(port).routing(r -> r.any(handler)).build().start();
  }
}
