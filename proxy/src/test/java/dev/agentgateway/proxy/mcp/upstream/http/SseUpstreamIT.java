package dev.agentgateway.proxy.mcp.upstream.http;

import static dev.agentgateway.proxy.mcp.upstream.http.Mcp.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import dev.agentgateway.proxy.testing.ServerEverything;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SseUpstream against the real reference server (server-everything, legacy sse). */
class SseUpstreamIT {
  private static ServerEverything server;
  private static HttpUpstreamFactory factory;
  private static HttpTarget target;

  @BeforeAll
  static void start() {
    server = ServerEverything.start("sse");
    factory = HttpUpstreamFactory.create();
    target = HttpTarget.of("everything-sse", server.url("/sse"));
  }

  @AfterAll
  static void stop() {
    if (factory != null) {
      factory.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void servesConcurrentCallsOnOneSession() throws Exception {
    try (SseUpstream upstream = factory.sse(target, null)) {
      Mcp.handshake(upstream, "{}");
      Mcp.assertConcurrentEchoes(upstream);
    }
  }

  @Test
  void initializesListsToolsAndCallsEcho() throws Exception {
    try (SseUpstream upstream = factory.sse(target, null)) {
      JsonNode init = Mcp.handshake(upstream, "{}");
      assertEquals("mcp-servers/everything", init.path("serverInfo").path("name").asText());
      assertNull(upstream.sessionId());

      JsonNode tools =
          Mcp.result(upstream.call(Mcp.request(1, "tools/list", "{}"), TIMEOUT, m -> {}));
      assertTrue(tools.path("tools").toString().contains("\"echo\""));
      JsonNode echo =
          Mcp.result(
              upstream.call(
                  Mcp.request(
                      2, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":\"sse\"}}"),
                  TIMEOUT,
                  m -> {}));
      assertEquals("Echo: sse", echo.path("content").path(0).path("text").asText());
    }
  }

  @Test
  void routesProgressNotificationsByTokenToTheirCall() throws Exception {
    try (SseUpstream upstream = factory.sse(target, null)) {
      Mcp.handshake(upstream, "{}");
      List<JsonRpcMessage> related = new ArrayList<>();
      JsonRpcMessage reply =
          upstream.call(
              Mcp.request(
                  3,
                  "tools/call",
                  "{\"name\":\"trigger-long-running-operation\",\"arguments\":{\"duration\":0.3,"
                      + "\"steps\":3},\"_meta\":{\"progressToken\":7}}"),
              TIMEOUT,
              related::add);
      int seenBeforeReturn = related.size();
      assertTrue(
          Mcp.result(reply).path("content").path(0).path("text").asText().contains("completed"));
      assertEquals(3, seenBeforeReturn, related.toString());
      for (int i = 0; i < 3; i++) {
        JsonRpcMessage.Notification n =
            assertInstanceOf(JsonRpcMessage.Notification.class, related.get(i));
        assertEquals(7, n.params().path("progressToken").asInt());
        assertEquals(i + 1, n.params().path("progress").asInt());
      }
    }
  }

  @Test
  void readsAResourceAndGetsAPrompt() throws Exception {
    try (SseUpstream upstream = factory.sse(target, null)) {
      Mcp.handshake(upstream, "{}");
      JsonNode resource =
          Mcp.result(
              upstream.call(
                  Mcp.request(4, "resources/read", "{\"uri\":\"demo://resource/dynamic/text/2\"}"),
                  TIMEOUT,
                  m -> {}));
      assertEquals(
          "demo://resource/dynamic/text/2", resource.path("contents").path(0).path("uri").asText());
      JsonNode prompt =
          Mcp.result(
              upstream.call(
                  Mcp.request(5, "prompts/get", "{\"name\":\"simple-prompt\"}"), TIMEOUT, m -> {}));
      assertEquals("user", prompt.path("messages").path(0).path("role").asText());
    }
  }

  @Test
  void deliversServerRequestsToTheListenerAndTakesTheAnswer() throws Exception {
    BlockingQueue<JsonRpcMessage> unsolicited = new LinkedBlockingQueue<>();
    try (SseUpstream upstream = factory.sse(target, unsolicited::add)) {
      Mcp.handshake(upstream, "{\"roots\":{\"listChanged\":true}}");
      // list-changed notifications come first: the server adds tools once initialized
      JsonRpcMessage.Request roots = Mcp.nextRequest(unsolicited);
      assertEquals("roots/list", roots.method());
      upstream.send(new JsonRpcMessage.Response(roots.id(), Mcp.json("{\"roots\":[]}")));
      JsonRpcMessage.Notification log = Mcp.nextNotification(unsolicited, "notifications/message");
      assertTrue(log.params().path("data").asText().contains("0 root(s)"), log.toString());
    }
  }

  @Test
  void closeEndsTheStreamWithoutReportingItAsAFailure() throws Exception {
    AtomicReference<Throwable> closedCause = new AtomicReference<>();
    SseUpstream upstream =
        factory.sse(
            target,
            new McpUpstream.Listener() {
              @Override
              public void onMessage(JsonRpcMessage message) {}

              @Override
              public void onClosed(Throwable cause) {
                closedCause.set(cause);
              }
            });
    Mcp.handshake(upstream, "{}");
    upstream.close();
    McpTransportException e =
        assertThrows(
            McpTransportException.class,
            () -> upstream.call(Mcp.request(6, "tools/list", "{}"), TIMEOUT, m -> {}));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertNull(closedCause.get());
  }
}
