package dev.agentgateway.proxy.mcp.upstream.http;

import static dev.agentgateway.proxy.mcp.upstream.http.Mcp.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import dev.agentgateway.proxy.testing.ServerEverything;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StreamableHttpUpstream against the real reference server (server-everything, streamableHttp). */
class StreamableHttpUpstreamIT {
  private static ServerEverything server;
  private static HttpUpstreamFactory factory;
  private static HttpTarget target;

  @BeforeAll
  static void start() {
    server = ServerEverything.start("streamableHttp");
    factory = HttpUpstreamFactory.create();
    target = HttpTarget.of("everything", server.url("/mcp"));
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
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      Mcp.handshake(upstream, "{}");
      Mcp.assertConcurrentEchoes(upstream);
    }
  }

  @Test
  void initializesThenListsTools() throws Exception {
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      JsonNode init = Mcp.handshake(upstream, "{}");
      assertEquals("mcp-servers/everything", init.path("serverInfo").path("name").asText());
      assertNotNull(upstream.sessionId());
      assertEquals("2025-06-18", upstream.protocolVersion());

      JsonNode tools =
          Mcp.result(upstream.call(Mcp.request(1, "tools/list", "{}"), TIMEOUT, m -> {}));
      List<String> names = toolNames(tools);
      assertTrue(names.contains("echo"), names.toString());
      assertTrue(names.contains("trigger-long-running-operation"), names.toString());
    }
  }

  @Test
  void callsTheEchoTool() throws Exception {
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      Mcp.handshake(upstream, "{}");
      JsonNode result =
          Mcp.result(
              upstream.call(
                  Mcp.request(
                      2, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}"),
                  TIMEOUT,
                  m -> {}));
      assertEquals("Echo: hi", result.path("content").path(0).path("text").asText());
    }
  }

  @Test
  void deliversProgressNotificationsToRelatedBeforeTheResponse() throws Exception {
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      Mcp.handshake(upstream, "{}");
      List<JsonRpcMessage> related = new ArrayList<>();
      JsonRpcMessage reply =
          upstream.call(
              Mcp.request(
                  3,
                  "tools/call",
                  "{\"name\":\"trigger-long-running-operation\",\"arguments\":{\"duration\":0.3,"
                      + "\"steps\":3},\"_meta\":{\"progressToken\":\"p-3\"}}"),
              TIMEOUT,
              related::add);
      int seenBeforeReturn = related.size();
      assertTrue(
          Mcp.result(reply).path("content").path(0).path("text").asText().contains("completed"));
      assertEquals(3, seenBeforeReturn, related.toString());
      for (int i = 0; i < 3; i++) {
        JsonRpcMessage.Notification n =
            assertInstanceOf(JsonRpcMessage.Notification.class, related.get(i));
        assertEquals("notifications/progress", n.method());
        assertEquals("p-3", n.params().path("progressToken").asText());
        assertEquals(i + 1, n.params().path("progress").asInt());
      }
    }
  }

  @Test
  void readsAResourceAndGetsAPrompt() throws Exception {
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      Mcp.handshake(upstream, "{}");
      JsonNode resource =
          Mcp.result(
              upstream.call(
                  Mcp.request(4, "resources/read", "{\"uri\":\"demo://resource/dynamic/text/1\"}"),
                  TIMEOUT,
                  m -> {}));
      assertEquals(
          "demo://resource/dynamic/text/1", resource.path("contents").path(0).path("uri").asText());

      JsonNode prompt =
          Mcp.result(
              upstream.call(
                  Mcp.request(5, "prompts/get", "{\"name\":\"simple-prompt\"}"), TIMEOUT, m -> {}));
      assertEquals(
          "This is a simple prompt without arguments.",
          prompt.path("messages").path(0).path("content").path("text").asText());
    }
  }

  @Test
  void answersASamplingRequestTheServerMakesDuringACall() throws Exception {
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      Mcp.handshake(upstream, "{\"sampling\":{}}");
      List<String> methods = new ArrayList<>();
      JsonRpcMessage reply =
          upstream.call(
              Mcp.request(
                  6,
                  "tools/call",
                  "{\"name\":\"trigger-sampling-request\",\"arguments\":{\"prompt\":\"ping\"}}"),
              TIMEOUT,
              m -> {
                if (m instanceof JsonRpcMessage.Request r) {
                  methods.add(r.method());
                  answer(
                      upstream,
                      r,
                      "{\"role\":\"assistant\",\"model\":\"test-model\",\"content\":"
                          + "{\"type\":\"text\",\"text\":\"pong\"}}");
                }
              });
      assertEquals(List.of("sampling/createMessage"), methods);
      assertTrue(
          Mcp.result(reply).path("content").path(0).path("text").asText().contains("pong"),
          reply.toString());
    }
  }

  @Test
  void deliversWhatTheServerSendsOutsideCallsToTheListener() throws Exception {
    BlockingQueue<JsonRpcMessage> unsolicited = new LinkedBlockingQueue<>();
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, unsolicited::add)) {
      // with the roots capability, the server asks for the roots on the GET stream
      Mcp.handshake(upstream, "{\"roots\":{\"listChanged\":true}}");
      JsonRpcMessage.Request roots = Mcp.nextRequest(unsolicited);
      assertEquals("roots/list", roots.method());
      answer(upstream, roots, "{\"roots\":[{\"uri\":\"file:///tmp\",\"name\":\"tmp\"}]}");

      // having the roots, it logs that it got them, again outside any call
      JsonRpcMessage second = unsolicited.poll(30, TimeUnit.SECONDS);
      JsonRpcMessage.Notification log = assertInstanceOf(JsonRpcMessage.Notification.class, second);
      assertEquals("notifications/message", log.method());
      assertTrue(log.params().path("data").asText().contains("1 root(s)"), log.toString());
    }
  }

  @Test
  void resumesASessionByItsIdWithoutInitializing() throws Exception {
    try (StreamableHttpUpstream first = factory.streamableHttp(target, null)) {
      Mcp.handshake(first, "{}");
      StreamableHttpUpstream second =
          factory.resumeStreamableHttp(target, first.sessionId(), first.protocolVersion(), null);
      // not closed: closing would end the session the first one still uses
      JsonNode tools =
          Mcp.result(second.call(Mcp.request(7, "tools/list", "{}"), TIMEOUT, m -> {}));
      assertTrue(toolNames(tools).contains("echo"));
      assertEquals(first.sessionId(), second.sessionId());
    }
  }

  @Test
  void deletesTheSessionOnClose() throws Exception {
    String session;
    String version;
    try (StreamableHttpUpstream upstream = factory.streamableHttp(target, null)) {
      Mcp.handshake(upstream, "{}");
      session = upstream.sessionId();
      version = upstream.protocolVersion();
    }
    StreamableHttpUpstream stale = factory.resumeStreamableHttp(target, session, version, null);
    // server-everything answers a session it no longer has with HTTP 400 and a JSON-RPC error
    McpHttpStatusException e =
        assertThrows(
            McpHttpStatusException.class,
            () -> stale.call(Mcp.request(8, "tools/list", "{}"), TIMEOUT, m -> {}));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("No valid session ID"), e.getMessage());
  }

  private static void answer(McpUpstream upstream, JsonRpcMessage.Request request, String result) {
    try {
      upstream.send(new JsonRpcMessage.Response(request.id(), Mcp.json(result)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> toolNames(JsonNode tools) {
    return StreamSupport.stream(tools.path("tools").spliterator(), false)
        .map(t -> t.path("name").asText())
        .toList();
  }
}
