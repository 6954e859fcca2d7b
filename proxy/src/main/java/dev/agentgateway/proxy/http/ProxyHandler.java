package dev.agentgateway.proxy.http;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.routing.RequestView;
import dev.agentgateway.proxy.routing.RouteSelection;
import dev.agentgateway.proxy.routing.RouteTable;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;

/** Skeleton forwarder: selects a route and relays the exchange. Replaced by the full proxy. */
public final class ProxyHandler implements Handler {
  private final StateHolder state;
  private final int port;
  private final WebClient client;
  private final RequestObserver observer;
  private final Drain drain;

  public ProxyHandler(
      StateHolder state, int port, WebClient client, RequestObserver observer, Drain drain) {
    this.state = state;
    this.port = port;
    this.client = client;
    this.observer = observer;
    this.drain = drain;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) throws Exception {
    RouteTable table = state.get().table(port);
    RequestView view = new HelidonRequestView(req);
    RouteSelection selection = table == null ? null : table.select(view);
    if (selection == null) {
      res.status(Status.NOT_FOUND_404).send("route not found");
      return;
    }
    RouteBackend rb = selection.pickBackend(ThreadLocalRandom.current());
    if (!(rb.backend() instanceof Backend.Host host)) {
      res.status(Status.SERVICE_UNAVAILABLE_503).send("no backend");
      return;
    }
    try (HttpClientResponse up =
        client
            .method(req.prologue().method())
            .uri("http://" + host.authority() + req.prologue().uriPath().rawPath())
            .request()) {
      res.status(up.status());
      try (InputStream in = up.inputStream();
          OutputStream out = res.outputStream()) {
        in.transferTo(out);
      }
    }
  }

  int port() {
    return port;
  }

  RequestObserver observer() {
    return observer;
  }

  Drain drain() {
    return drain;
  }
}
