package dev.agentgateway.proxy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The built-in demo upstream that the default config routes to, so {@code curl localhost:3000/}
 * works with no other service: {@code GET /} greets, {@code /echo} returns the request as JSON and
 * {@code /sse} streams a few server-sent events.
 */
public final class DemoBackend implements AutoCloseable {
  /** Where the default config expects the demo backend. */
  public static final int DEFAULT_PORT = 3001;

  static final int SSE_EVENTS = 5;
  static final Duration SSE_INTERVAL = Duration.ofMillis(200);

  private static final Set<String> REDACTED =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebServer server;

  private DemoBackend(WebServer server) {
    this.server = server;
  }

  /** Starts the demo backend on {@code 127.0.0.1:port} (0 picks a free port). */
  public static DemoBackend start(int port) {
    WebServer server =
        WebServer.builder()
            .name("demo")
            .host("127.0.0.1")
            .port(port)
            .shutdownHook(false)
            .routing(r -> routes(r))
            .build()
            .start();
    if (!server.isRunning()) {
      throw new IllegalStateException("demo backend cannot listen on 127.0.0.1:" + port);
    }
    return new DemoBackend(server);
  }

  private static void routes(HttpRules r) {
    r.get("/", DemoBackend::greet).any("/echo", DemoBackend::echo).get("/sse", DemoBackend::sse);
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  private static void greet(ServerRequest req, ServerResponse res) {
    res.headers().contentType(HttpMediaTypes.PLAINTEXT_UTF_8);
    res.send(
        """
        Hello from agentgateway!
        This answer comes from the built-in demo backend (127.0.0.1:3001), through the gateway.
        Try /echo to see your request as the backend got it, or /sse for a stream of events.
        """);
  }

  private static void echo(ServerRequest req, ServerResponse res) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("method", req.prologue().method().text());
    body.put("path", req.path().rawPath());
    body.put("query", req.query().rawValue());
    body.put("protocol", req.prologue().rawProtocol());
    ObjectNode headers = body.putObject("headers");
    for (Header h : req.headers()) {
      boolean secret = REDACTED.contains(h.name().toLowerCase(java.util.Locale.ROOT));
      var values = headers.putArray(h.name().toLowerCase(java.util.Locale.ROOT));
      for (String v : h.allValues()) {
        values.add(secret ? "[redacted]" : v);
      }
    }
    if (req.content().hasEntity()) {
      body.put(
          "bodyBytes", req.content().inputStream().transferTo(OutputStream.nullOutputStream()));
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
  }

  private static void sse(ServerRequest req, ServerResponse res) throws Exception {
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    try (OutputStream out = res.outputStream()) {
      for (int i = 1; i <= SSE_EVENTS; i++) {
        String event = "id: " + i + "\nevent: tick\ndata: {\"n\":" + i + "}\n\n";
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (i < SSE_EVENTS) {
          Thread.sleep(SSE_INTERVAL);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
