package dev.agentgateway.proxy.websocket;

import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.http.ProxyHandler;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import dev.agentgateway.proxy.testing.RecordingObserver;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real proxy WebServer relaying WebSocket sessions to a real Helidon WebSocket upstream. */
class WebSocketPassthroughIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final RecordingObserver recording = new RecordingObserver();
  private static final BlockingQueue<RequestLog> logs = recording.logs();

  private static EchoUpstream upstream;
  private static WebServer proxy;
  private static int port;
  private static HttpClient http;

  @BeforeAll
  static void start() throws IOException {
    upstream = new EchoUpstream();
    port = freePort();
    int deadPort = freePort();
    StateHolder state = new StateHolder(ProxyState.compile(config(deadPort), 1));
    Drain drain = new Drain();
    WebClient client = WebClient.builder().followRedirects(false).build();
    proxy =
        WebServer.builder()
            .port(port)
            .update(WebSocketPassthrough.install(state, port, recording, drain))
            .routing(r -> r.any(new ProxyHandler(state, port, client, RequestObserver.NOOP, drain)))
            .build()
            .start();
    http = HttpClient.newBuilder().connectTimeout(WAIT).build();
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void echoesTextAndBinaryMessagesThroughTheProxy() throws Exception {
    MessageCollector collector = new MessageCollector();
    WebSocket ws = connect("/ws/echo", collector);
    String big = "x".repeat(100 * 1024);
    byte[] blob = new byte[200 * 1024];
    new Random(7).nextBytes(blob);
    List<Object> sent = List.of("one", "two", big, new byte[] {1, 2, 3}, blob, "three");
    for (Object message : sent) {
      if (message instanceof String text) {
        ws.sendText(text, true).join();
      } else {
        ws.sendBinary(ByteBuffer.wrap((byte[]) message), true).join();
      }
    }
    for (Object expected : sent) {
      Object echoed = collector.next();
      if (expected instanceof String text) {
        assertEquals(text, echoed);
      } else {
        assertArrayEquals((byte[]) expected, assertInstanceOf(byte[].class, echoed));
      }
    }
    ws.abort();
  }

  @Test
  void completesTheCloseHandshakeAndLogsTheSession() throws Exception {
    MessageCollector collector = new MessageCollector();
    WebSocket ws = connect("/ws/closing", collector);
    ws.sendText("before close", true).join();
    assertEquals("before close", collector.next());
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    assertEquals(
        WebSocket.NORMAL_CLOSURE, collector.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertTrue(ws.isOutputClosed());
    RequestLog log = awaitLog("/ws/closing");
    assertEquals(101, log.status());
    assertEquals("ws", log.route());
    assertEquals("127.0.0.1:" + upstream.port(), log.backend());
    assertTrue(log.bytesIn() > "before close".length(), "client bytes counted: " + log);
    assertTrue(log.bytesOut() > "before close".length(), "backend bytes counted: " + log);
  }

  @Test
  void passesTheNegotiatedSubprotocolThrough() throws Exception {
    MessageCollector collector = new MessageCollector();
    WebSocket ws =
        http.newWebSocketBuilder()
            .subprotocols("chat.v2", "chat.v1")
            .buildAsync(URI.create("ws://localhost:" + port + "/ws/echo"), collector)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals("chat.v2", ws.getSubprotocol());
    assertEquals("chat.v2, chat.v1", upstream.lastUpgrade.get().get("sec-websocket-protocol"));
    ws.sendText("with protocol", true).join();
    assertEquals("with protocol", collector.next());
    ws.abort();
  }

  @Test
  void forwardsTheHandshakeWithProxyHeadersAndWithoutHopByHopOnes() throws Exception {
    RawExchange answer =
        RawExchange.send(
            port,
            RawExchange.upgradeRequest(
                "/ws/echo?room=1",
                port,
                "Connection: X-Private-Hop\r\n"
                    + "X-Private-Hop: secret\r\n"
                    + "Keep-Alive: timeout=5\r\n"
                    + "X-Forwarded-For: 10.0.0.1\r\n"),
            false);
    assertEquals(101, answer.status());
    assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", answer.headers().get("sec-websocket-accept"));
    assertEquals("websocket", answer.headers().get("upgrade").toLowerCase());
    Map<String, String> seen = upstream.lastUpgrade.get();
    assertEquals("127.0.0.1:" + upstream.port(), seen.get("host"));
    assertEquals("10.0.0.1, 127.0.0.1", seen.get("x-forwarded-for"));
    assertEquals("http", seen.get("x-forwarded-proto"));
    assertEquals("localhost:" + port, seen.get("x-forwarded-host"));
    assertEquals("dGhlIHNhbXBsZSBub25jZQ==", seen.get("sec-websocket-key"));
    assertFalse(seen.containsKey("x-private-hop"), seen.toString());
    assertFalse(seen.containsKey("keep-alive"), seen.toString());
  }

  @Test
  void relaysANonSwitchingAnswerAsIs() throws Exception {
    RawExchange plain =
        RawExchange.send(port, RawExchange.upgradeRequest("/plain/hello", port, ""), true);
    assertEquals(200, plain.status());
    assertEquals("yes", plain.headers().get("x-upstream"));
    assertEquals("close", plain.headers().get("connection"));
    assertEquals("hello from upstream", plain.bodyText());

    RawExchange chunked =
        RawExchange.send(port, RawExchange.upgradeRequest("/plain/chunked", port, ""), true);
    assertEquals(200, chunked.status());
    assertEquals("chunked", chunked.headers().get("transfer-encoding"));
    assertEquals("part0;part1;part2;", chunked.bodyText());

    RawExchange missing =
        RawExchange.send(port, RawExchange.upgradeRequest("/plain/missing", port, ""), true);
    assertEquals(404, missing.status());
  }

  @Test
  void answers404WhenNoRouteMatches() throws Exception {
    CompletionException failure =
        assertThrows(CompletionException.class, () -> connect("/nowhere", new MessageCollector()));
    WebSocketHandshakeException handshake =
        assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
    assertEquals(404, handshake.getResponse().statusCode());

    RawExchange raw =
        RawExchange.send(port, RawExchange.upgradeRequest("/nowhere", port, ""), true);
    assertEquals(404, raw.status());
    assertEquals("route not found\n", raw.bodyText());
  }

  @Test
  void answers502WhenTheBackendIsUnreachable() throws Exception {
    RawExchange raw = RawExchange.send(port, RawExchange.upgradeRequest("/dead", port, ""), true);
    assertEquals(502, raw.status());
    assertTrue(raw.bodyText().startsWith("backend unreachable: 127.0.0.1:"), raw.bodyText());
    assertEquals(1, raw.bodyText().lines().count());
  }

  @Test
  void stillServesPlainHttpAndH2cAfterASession() throws Exception {
    MessageCollector collector = new MessageCollector();
    WebSocket ws = connect("/ws/echo", collector);
    ws.sendText("first a session", true).join();
    assertEquals("first a session", collector.next());
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    collector.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);

    URI uri = URI.create("http://localhost:" + port + "/http/hello");
    HttpResponse<String> h1 =
        http.send(
            HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, h1.statusCode());
    assertEquals("hello over http", h1.body());

    try (HttpClient h2client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      HttpResponse<String> h2 =
          h2client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, h2.statusCode());
      assertEquals(HttpClient.Version.HTTP_2, h2.version());
      assertEquals("hello over http", h2.body());
    }
  }

  private static WebSocket connect(String path, MessageCollector collector) throws Exception {
    return http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://localhost:" + port + path), collector)
        .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  private static RequestLog awaitLog(String path) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<RequestLog> others = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      RequestLog log = logs.poll(100, TimeUnit.MILLISECONDS);
      if (log != null && log.path().equals(path)) {
        logs.addAll(others);
        return log;
      }
      if (log != null) {
        others.add(log);
      }
    }
    logs.addAll(others);
    throw new AssertionError("no request log for " + path + "; saw " + others);
  }

  private static GatewayConfig config(int deadPort) {
    Backend.Host live = new Backend.Host("127.0.0.1", upstream.port());
    List<Route> routes =
        List.of(
            route("ws", "/ws", live, 0),
            route("plain", "/plain", live, 1),
            route("http", "/http", live, 2),
            route("dead", "/dead", new Backend.Host("127.0.0.1", deadPort), 3));
    return TestConfigs.oneListener(port, FrontendHttp.DEFAULT, routes);
  }

  private static Route route(String name, String prefix, Backend backend, int order) {
    return TestConfigs.route(
        name,
        TestConfigs.prefix(prefix),
        RoutePolicies.NONE,
        List.of(new RouteBackend(backend, 1)),
        order);
  }
}
