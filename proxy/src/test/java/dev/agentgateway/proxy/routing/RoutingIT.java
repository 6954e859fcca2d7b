package dev.agentgateway.proxy.routing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.ValueMatch;
import dev.agentgateway.proxy.http.ProxyHandler;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Route selection through a real proxy socket to real upstream servers that answer their name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingIT {
  private static final List<String> UPSTREAMS =
      List.of(
          "exact",
          "prefix-short",
          "prefix-long",
          "post",
          "header",
          "query",
          "default",
          "host-exact",
          "host-wild",
          "regex",
          "listener-api",
          "split-a",
          "split-b");

  private final List<WebServer> servers = new ArrayList<>();
  private final Map<String, Integer> upstreamPorts = new HashMap<>();
  private HttpClient client;
  private int proxyPort;

  // JUnit runs @AfterAll even when @BeforeAll fails, so whatever started is stopped.
  @BeforeAll
  void start() throws IOException {
    for (String name : UPSTREAMS) {
      WebServer upstream = ShellTesting.upstreamSaying(name);
      servers.add(upstream);
      upstreamPorts.put(name, upstream.port());
    }
    // ProxyHandler looks its table up by the bind's port, which must be known before start.
    proxyPort = ShellTesting.freePort();
    StateHolder state = new StateHolder(ProxyState.compile(config(proxyPort), 1));
    WebClient webClient = WebClient.builder().followRedirects(false).build();
    ProxyHandler handler =
        new ProxyHandler(state, proxyPort, webClient, RequestObserver.NOOP, new Drain());
    servers.add(
        WebServer.builder()
            .host("127.0.0.1")
            .port(proxyPort)
            .routing(r -> r.any(handler))
            .build()
            .start());
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close();
    }
    for (WebServer server : servers) {
      server.stop();
    }
  }

  private GatewayConfig config(int port) {
    Bind bind = new Bind("bind/" + port, port);
    List<Listener> listeners =
        List.of(
            new Listener("main", bind.key(), "main", null, null),
            new Listener("api", bind.key(), "api", "api.example.com", null),
            new Listener("wild", bind.key(), "wild", "*.example.com", null));
    List<Route> routes =
        List.of(
            route("r-default", "main", List.of(), match(new PathMatch.Prefix("/")), "default"),
            route("r-exact", "main", List.of(), match(new PathMatch.Exact("/p/items")), "exact"),
            route("r-short", "main", List.of(), match(new PathMatch.Prefix("/p")), "prefix-short"),
            route(
                "r-long",
                "main",
                List.of(),
                match(new PathMatch.Prefix("/p/items")),
                "prefix-long"),
            route(
                "r-post",
                "main",
                List.of(),
                new RouteMatch(new PathMatch.Prefix("/m"), "POST", List.of(), List.of()),
                "post"),
            route(
                "r-header",
                "main",
                List.of(),
                new RouteMatch(
                    new PathMatch.Prefix("/h"),
                    null,
                    List.of(new HeaderMatch("X-Tier", new ValueMatch.Exact("gold"))),
                    List.of()),
                "header"),
            route(
                "r-query",
                "main",
                List.of(),
                new RouteMatch(
                    new PathMatch.Prefix("/q"),
                    null,
                    List.of(),
                    List.of(new QueryMatch("v", new ValueMatch.Regex("[2-3]")))),
                "query"),
            route("r-api", "api", List.of(), match(new PathMatch.Prefix("/only")), "listener-api"),
            route(
                "r-host-exact",
                "wild",
                List.of("a.example.com"),
                match(new PathMatch.Prefix("/")),
                "host-exact"),
            route(
                "r-host-wild",
                "wild",
                List.of("*.example.com"),
                match(new PathMatch.Exact("/w")),
                "host-wild"),
            route("r-regex", "wild", List.of(), match(new PathMatch.Regex("/r/[0-9]+")), "regex"),
            Routes.route(
                "r-split",
                "main",
                100,
                List.of(),
                List.of(backend("split-a", 1), backend("split-b", 3)),
                match(new PathMatch.Prefix("/split"))));
    return new GatewayConfig(
        StaticConfig.DEFAULT, null, List.of(bind), listeners, routes, List.of(), List.of());
  }

  private static RouteMatch match(PathMatch path) {
    return new RouteMatch(path, null, List.of(), List.of());
  }

  private Route route(
      String key, String listener, List<String> hostnames, RouteMatch match, String upstream) {
    return Routes.route(key, listener, 0, hostnames, List.of(backend(upstream, 1)), match);
  }

  private RouteBackend backend(String upstream, int weight) {
    return new RouteBackend(new Backend.Host("127.0.0.1", upstreamPorts.get(upstream)), weight);
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private String get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)));
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + proxyPort + pathAndQuery);
  }

  @Test
  void exactPathBeatsLongerPrefix() throws Exception {
    assertEquals("200 exact", get("/p/items"));
    assertEquals("200 prefix-long", get("/p/items/7"));
    assertEquals("200 prefix-short", get("/p/other"));
    assertEquals("200 default", get("/pitems"));
  }

  @Test
  void methodMatchBeatsNoMethod() throws Exception {
    assertEquals(
        "200 post",
        send(HttpRequest.newBuilder(uri("/m/x")).POST(HttpRequest.BodyPublishers.noBody())));
    assertEquals("200 default", get("/m/x"));
  }

  @Test
  void headerMatchSelectsRoute() throws Exception {
    assertEquals("200 header", send(HttpRequest.newBuilder(uri("/h")).header("x-tier", "gold")));
    assertEquals("200 default", send(HttpRequest.newBuilder(uri("/h")).header("x-tier", "silver")));
  }

  @Test
  void queryRegexMatchSelectsRoute() throws Exception {
    assertEquals("200 query", get("/q?v=3"));
    assertEquals("200 default", get("/q?v=4"));
    assertEquals("200 default", get("/q"));
  }

  @Test
  void hostHeaderChoosesListenerAndRouteHostname() throws Exception {
    assertEquals("200 listener-api", rawGet("api.example.com", "/only/x"));
    assertEquals("404", status(rawGet("api.example.com", "/other")));
    // Route hostname specificity ranks above path specificity.
    assertEquals("200 host-exact", rawGet("a.example.com:80", "/w"));
    assertEquals("200 host-wild", rawGet("B.Example.com", "/w"));
    assertEquals("200 regex", rawGet("b.example.com", "/r/12"));
    assertEquals("404", status(rawGet("b.example.com", "/r/x")));
    assertEquals("200 default", rawGet("example.com", "/r/12"));
  }

  @Test
  void weightedSplitFollowsWeights() throws Exception {
    int requests = 10_000;
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> workers = new ArrayList<>();
      int workersCount = 8;
      for (int w = 0; w < workersCount; w++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < requests / workersCount; i++) {
                    String answer = get("/split/" + i);
                    counts.computeIfAbsent(answer, k -> new LongAdder()).increment();
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    long a = counts.getOrDefault("200 split-a", new LongAdder()).sum();
    long b = counts.getOrDefault("200 split-b", new LongAdder()).sum();
    assertEquals(requests, a + b, () -> "unexpected answers: " + counts);
    assertEquals(0.25, a / (double) requests, 0.05, () -> "split-a share of " + counts);
    assertEquals(0.75, b / (double) requests, 0.05, () -> "split-b share of " + counts);
  }

  private static String status(String answer) {
    return answer.substring(0, 3);
  }

  /**
   * A GET with a chosen Host header over a plain socket (java.net.http refuses to set Host). The
   * response is framed by Content-Length or chunked encoding, not by the server closing.
   */
  private String rawGet(String host, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", proxyPort)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(US_ASCII));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String statusLine = line(in);
      long length = -1;
      boolean chunked = false;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      StringBuilder body = new StringBuilder();
      if (chunked) {
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
          body.append(new String(in.readNBytes(size), US_ASCII));
          line(in);
        }
      } else if (length > 0) {
        body.append(new String(in.readNBytes((int) length), US_ASCII));
      }
      return statusLine.substring(9, 12) + " " + body;
    }
  }

  private static int chunkSize(InputStream in) throws IOException {
    return Integer.parseInt(line(in).split(";")[0].trim(), 16);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed mid-line after: " + line);
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
