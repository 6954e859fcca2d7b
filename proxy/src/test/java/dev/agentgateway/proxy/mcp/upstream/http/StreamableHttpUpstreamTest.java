package dev.agentgateway.proxy.mcp.upstream.http;

import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.events;
import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.json;
import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.status;
import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import dev.agentgateway.proxy.testing.ShellTesting;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** StreamableHttpUpstream against scripted servers: what a well-behaved server never does. */
class StreamableHttpUpstreamTest {
  private static final String PROGRESS =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
          + "\"params\":{\"progressToken\":\"t\",\"progress\":1}}";
  private static final String RESULT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"ok\":true}}";

  private final HttpUpstreamFactory factory = HttpUpstreamFactory.create();

  @AfterEach
  void close() {
    factory.close();
  }

  @Test
  void failsClearlyWhenTheServerIsDown() {
    URI url = URI.create("http://127.0.0.1:" + ShellTesting.freePort() + "/mcp");
    try (StreamableHttpUpstream upstream =
        factory.streamableHttp(HttpTarget.of("down", url), null)) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class, () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      assertTrue(e.getMessage().startsWith("MCP target 'down' at " + url), e.getMessage());
      assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }
  }

  @Test
  void timesOutWhenTheServerNeverAnswers() throws Exception {
    try (ScriptedServer server = ScriptedServer.start((req, ex) -> hold(ex));
        StreamableHttpUpstream upstream = upstream(server, Map.of())) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> upstream.call(tools(), Duration.ofMillis(300), m -> {}));
      assertTrue(e.getMessage().contains("no answer within PT0.3S"), e.getMessage());
    }
  }

  @Test
  void timesOutWhenTheEventStreamStallsBeforeTheResponse() throws Exception {
    try (ScriptedServer server =
            ScriptedServer.start(
                (req, ex) -> {
                  if (req.body().contains("\"ping\"")) {
                    json(ex, 200, "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}");
                    return;
                  }
                  OutputStream out = events(ex);
                  write(out, "data: " + PROGRESS + "\n\n");
                  hold(ex);
                });
        StreamableHttpUpstream upstream = upstream(server, Map.of())) {
      // a first call warms the client up, so the stalled one's second is spent on the stream
      upstream.call(Mcp.request(9, "ping", "{}"), Mcp.TIMEOUT, m -> {});
      List<JsonRpcMessage> related = new ArrayList<>();
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> upstream.call(tools(), Duration.ofSeconds(1), related::add));
      assertTrue(e.getMessage().contains("no answer within PT1S"), e.getMessage());
      assertEquals(1, related.size());
    }
  }

  @Test
  void refusesAJsonBodyLargerThanTheCap() throws Exception {
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"x\":\"" + "a".repeat(4096) + "\"}}";
    try (ScriptedServer server = ScriptedServer.start((req, ex) -> json(ex, 200, big));
        StreamableHttpUpstream upstream = upstream(server, Map.of(), 1024)) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class, () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    }
  }

  @Test
  void refusesAnEventLargerThanTheCap() throws Exception {
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"x\":\"" + "a".repeat(4096) + "\"}}";
    try (ScriptedServer server =
            ScriptedServer.start((req, ex) -> write(events(ex), "data: " + big + "\n\n"));
        StreamableHttpUpstream upstream = upstream(server, Map.of(), 1024)) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class, () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      assertTrue(e.getMessage().contains("an SSE event is larger than 1024 bytes"), e.getMessage());
    }
  }

  @Test
  void refusesAnAnswerThatIsNotJsonRpc() throws Exception {
    try (ScriptedServer server =
            ScriptedServer.start((req, ex) -> json(ex, 200, "<html>hi</html>"));
        StreamableHttpUpstream upstream = upstream(server, Map.of())) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class, () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      assertTrue(e.getMessage().contains("invalid JSON-RPC"), e.getMessage());
    }
  }

  @Test
  void sendsCustomHeadersButNeverPutsTheirValuesInErrors() throws Exception {
    try (ScriptedServer server = ScriptedServer.start((req, ex) -> json(ex, 401, "{}"));
        StreamableHttpUpstream upstream =
            upstream(server, Map.of("Authorization", "Bearer s3cret-token"))) {
      McpHttpStatusException e =
          assertThrows(
              McpHttpStatusException.class, () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      assertEquals(401, e.status());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      assertEquals("Bearer s3cret-token", server.seen().get(0).header("Authorization"));
    }
  }

  @Test
  void returnsTheServersJsonRpcErrorSentWithAnHttpErrorStatus() throws Exception {
    String error = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"bad\"}}";
    try (ScriptedServer server = ScriptedServer.start((req, ex) -> json(ex, 400, error));
        StreamableHttpUpstream upstream = upstream(server, Map.of())) {
      JsonRpcMessage reply = upstream.call(tools(), Mcp.TIMEOUT, m -> {});
      assertEquals(-32602, assertInstanceOf(JsonRpcMessage.ErrorResponse.class, reply).code());
    }
  }

  @Test
  void reportsASessionTheServerForgotAsNotFound() throws Exception {
    try (ScriptedServer server =
            ScriptedServer.start(
                (req, ex) ->
                    json(
                        ex,
                        404,
                        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,"
                            + "\"message\":\"Session not found\"}}"));
        StreamableHttpUpstream upstream =
            factory.resumeStreamableHttp(
                HttpTarget.of("t", server.url("/mcp")), "gone-session", "2025-06-18", null)) {
      McpHttpStatusException e =
          assertThrows(
              McpHttpStatusException.class, () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      assertTrue(e.sessionNotFound());
      assertFalse(e.getMessage().contains("gone-session"), e.getMessage());
    }
  }

  @Test
  void carriesTheSessionAndProtocolVersionAfterInitializeAndDeletesOnClose() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(StreamableHttpUpstreamTest::sessionServer)) {
      StreamableHttpUpstream upstream = upstream(server, Map.of());
      Mcp.handshake(upstream, "{}");
      Mcp.result(upstream.call(tools(), Mcp.TIMEOUT, m -> {}));
      upstream.close();

      List<ScriptedServer.Seen> seen = server.seen();
      ScriptedServer.Seen init = seen.get(0);
      assertNull(init.header("Mcp-Session-Id"));
      assertNull(init.header("MCP-Protocol-Version"));
      assertEquals("application/json, text/event-stream", init.header("Accept"));
      assertEquals("application/json", init.header("Content-Type"));
      for (ScriptedServer.Seen later : seen.subList(1, seen.size())) {
        assertEquals("abc", later.header("Mcp-Session-Id"), later.toString());
        assertEquals("2025-03-26", later.header("MCP-Protocol-Version"), later.toString());
      }
      assertEquals(
          List.of("POST", "POST", "POST", "DELETE"),
          seen.stream().map(ScriptedServer.Seen::method).toList());
    }
  }

  @Test
  void reconnectsTheGetStreamWithTheLastEventId() throws Exception {
    AtomicInteger gets = new AtomicInteger();
    try (ScriptedServer server =
        ScriptedServer.start(
            (req, ex) -> {
              if (!req.method().equals("GET")) {
                sessionServer(req, ex);
              } else if (gets.incrementAndGet() == 1) {
                write(events(ex), "retry: 10\nid: e1\ndata: " + notification("a") + "\n\n");
              } else {
                write(events(ex), "id: e2\ndata: " + notification("b") + "\n\n");
                hold(ex);
              }
            })) {
      BlockingQueue<JsonRpcMessage> unsolicited = new LinkedBlockingQueue<>();
      try (StreamableHttpUpstream upstream =
          factory.streamableHttp(HttpTarget.of("t", server.url("/mcp")), unsolicited::add)) {
        Mcp.handshake(upstream, "{}");
        assertEquals("a", Mcp.nextNotification(unsolicited, "a").method());
        assertEquals("b", Mcp.nextNotification(unsolicited, "b").method());
      }
      List<ScriptedServer.Seen> getsSeen =
          server.seen().stream().filter(s -> s.method().equals("GET")).toList();
      assertNull(getsSeen.get(0).header("Last-Event-ID"));
      assertEquals("e1", getsSeen.get(1).header("Last-Event-ID"));
      assertEquals("abc", getsSeen.get(1).header("Mcp-Session-Id"));
      assertEquals("text/event-stream", getsSeen.get(1).header("Accept"));
    }
  }

  @Test
  void endsTheUpstreamWhenTheGetStreamSaysTheSessionIsGone() throws Exception {
    CompletableFuture<Throwable> closed = new CompletableFuture<>();
    McpUpstream.Listener listener =
        new McpUpstream.Listener() {
          @Override
          public void onMessage(JsonRpcMessage message) {}

          @Override
          public void onClosed(Throwable cause) {
            closed.complete(cause);
          }
        };
    try (ScriptedServer server = ScriptedServer.start((req, ex) -> status(ex, 404));
        StreamableHttpUpstream upstream =
            factory.resumeStreamableHttp(
                HttpTarget.of("t", server.url("/mcp")), "old", "2025-06-18", listener)) {
      McpHttpStatusException e =
          assertInstanceOf(McpHttpStatusException.class, closed.get(30, TimeUnit.SECONDS));
      assertTrue(e.sessionNotFound(), e.getMessage());
      assertEquals("old", server.seen().get(0).header("Mcp-Session-Id"));
    }
  }

  @Test
  void resumesACallWhoseEventStreamDroppedBeforeTheResponse() throws Exception {
    try (ScriptedServer server =
            ScriptedServer.start(
                (req, ex) -> {
                  if (req.method().equals("POST")) {
                    write(events(ex), "retry: 10\nid: c1\ndata: " + PROGRESS + "\n\n");
                  } else {
                    write(events(ex), "id: c2\ndata: " + RESULT + "\n\n");
                  }
                });
        StreamableHttpUpstream upstream =
            factory.resumeStreamableHttp(
                HttpTarget.of("t", server.url("/mcp")), "abc", "2025-06-18", null)) {
      List<JsonRpcMessage> related = new ArrayList<>();
      JsonRpcMessage reply = upstream.call(tools(), Mcp.TIMEOUT, related::add);
      assertTrue(Mcp.result(reply).path("ok").asBoolean());
      assertEquals(1, related.size());
      assertEquals("c1", server.seen().get(1).header("Last-Event-ID"));
    }
  }

  @Test
  void closingFailsACallInFlight() throws Exception {
    try (ScriptedServer server = ScriptedServer.start((req, ex) -> hold(ex))) {
      StreamableHttpUpstream upstream = upstream(server, Map.of());
      CompletableFuture<Throwable> failure =
          CompletableFuture.supplyAsync(
              () ->
                  assertThrows(
                      McpTransportException.class,
                      () -> upstream.call(tools(), Mcp.TIMEOUT, m -> {})),
              java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      while (server.seen().isEmpty()) {
        Thread.sleep(10);
      }
      upstream.close();
      assertTrue(failure.get().getMessage().contains("closed"), failure.get().getMessage());
    }
  }

  @Test
  void refusesHeadersTheTransportSetsItself() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new HttpTarget(
                    "t",
                    URI.create("http://127.0.0.1/mcp"),
                    Map.of("Mcp-Session-Id", "x"),
                    HttpTarget.DEFAULT_MAX_MESSAGE_BYTES));
    assertTrue(e.getMessage().contains("set by the transport"), e.getMessage());
  }

  /** Initialize gives session "abc" and version 2025-03-26; the rest answers like a server. */
  private static void sessionServer(ScriptedServer.Seen req, com.sun.net.httpserver.HttpExchange ex)
      throws Exception {
    if (req.method().equals("DELETE")) {
      status(ex, 200);
    } else if (req.body().contains("\"initialize\"")) {
      json(
          ex,
          200,
          "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":\"2025-03-26\","
              + "\"capabilities\":{},\"serverInfo\":{\"name\":\"s\",\"version\":\"1\"}}}",
          "Mcp-Session-Id",
          "abc");
    } else if (req.body().contains("notifications/initialized")) {
      status(ex, 202);
    } else if (req.method().equals("GET")) {
      status(ex, 405);
    } else {
      json(ex, 200, RESULT);
    }
  }

  private static String notification(String method) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}";
  }

  private static void hold(com.sun.net.httpserver.HttpExchange ex) throws InterruptedException {
    ScriptedServer.hold();
  }

  private StreamableHttpUpstream upstream(ScriptedServer server, Map<String, String> headers) {
    return upstream(server, headers, HttpTarget.DEFAULT_MAX_MESSAGE_BYTES);
  }

  private StreamableHttpUpstream upstream(
      ScriptedServer server, Map<String, String> headers, int max) {
    return factory.streamableHttp(new HttpTarget("t", server.url("/mcp"), headers, max), null);
  }

  private static JsonRpcMessage.Request tools() {
    return Mcp.request(1, "tools/list", "{}");
  }
}
