package dev.agentgateway.proxy.testing;

import io.helidon.http.Header;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An upstream Helidon server on a free port that remembers the last request it saw. */
public final class Upstream implements AutoCloseable {
  private final WebServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Seen last;

  /** What the upstream received. */
  public record Seen(
      String method, String target, String protocol, Map<String, List<String>> headers) {
    /** The first value of header {@code name} (any case), or {@code null}. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private Upstream(Consumer<HttpRouting.Builder> routes) {
    this.server =
        WebServer.builder()
            .port(0)
            .routing(
                r -> {
                  r.addFilter(
                      (chain, req, res) -> {
                        requests.incrementAndGet();
                        last = seen(req);
                        chain.proceed();
                      });
                  routes.accept(r);
                })
            .build()
            .start();
  }

  /** Starts an upstream with {@code routes}. */
  public static Upstream start(Consumer<HttpRouting.Builder> routes) {
    return new Upstream(routes);
  }

  private static Seen seen(io.helidon.webserver.http.RoutingRequest req) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : req.headers()) {
      headers.put(header.headerName().lowerCase(), header.allValues());
    }
    String query = req.prologue().query().rawValue();
    String target = req.prologue().uriPath().rawPath() + (query.isEmpty() ? "" : "?" + query);
    return new Seen(
        req.prologue().method().text(), target, req.prologue().protocolVersion(), headers);
  }

  public int port() {
    return server.port();
  }

  /** The last request, or {@code null}. */
  public Seen last() {
    return last;
  }

  /** How many requests arrived. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop();
  }
}
