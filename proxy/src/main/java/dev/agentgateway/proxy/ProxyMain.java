package dev.agentgateway.proxy;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.http.ProxyHandler;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;

/** Skeleton composition root: loads a config file and serves each bind. */
public final class ProxyMain {
  private ProxyMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !(args[0].equals("-f") || args[0].equals("--file"))) {
      System.err.println("usage: agentgateway -f <config.yaml>");
      System.exit(2);
    }
    GatewayConfig config;
    try {
      config = new LocalConfigLoader(System.getenv()).load(Path.of(args[1]));
    } catch (ConfigException e) {
      e.errors().forEach(err -> System.err.println("config error: " + err));
      System.exit(1);
      return;
    }
    StateHolder state = new StateHolder(ProxyState.compile(config, 1));
    WebClient client = WebClient.builder().followRedirects(false).build();
    Drain drain = new Drain();
    for (Bind bind : config.binds()) {
      WebServer.builder()
          .port(bind.port())
          .routing(
              r -> r.any(new ProxyHandler(state, bind.port(), client, RequestObserver.NOOP, drain)))
          .build()
          .start();
    }
  }
}
