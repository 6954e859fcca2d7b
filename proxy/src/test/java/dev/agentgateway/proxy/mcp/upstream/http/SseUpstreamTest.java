package dev.agentgateway.proxy.mcp.upstream.http;

import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.events;
import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.status;
import static dev.agentgateway.proxy.mcp.upstream.http.ScriptedServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SseUpstream against scripted legacy SSE servers. */
class SseUpstreamTest {
  private final HttpUpstreamFactory factory = HttpUpstreamFactory.create();

  @AfterEach
  void close() {
    factory.close();
  }

  @Test
  void refusesAnEndpointOnAnotherOrigin() {
    try (ScriptedServer server =
        ScriptedServer.start(
            (req, ex) -> {
              write(events(ex), "event: endpoint\ndata: http://elsewhere.example/messages\n\n");
              ScriptedServer.hold();
            })) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> factory.sse(HttpTarget.of("legacy", server.url("/sse")), null));
      assertTrue(e.getMessage().contains("another origin"), e.getMessage());
    }
  }

  @Test
  void failsWhenNoEndpointEventArrivesInTime() {
    try (HttpUpstreamFactory impatient =
            HttpUpstreamFactory.create(
                new HttpUpstreamSettings(
                    Duration.ofSeconds(5), Duration.ofMillis(500), HttpClient.Version.HTTP_1_1));
        ScriptedServer server =
            ScriptedServer.start(
                (req, ex) -> {
                  write(events(ex), ": waiting\n\n");
                  ScriptedServer.hold();
                })) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> impatient.sse(HttpTarget.of("legacy", server.url("/sse")), null));
      assertTrue(e.getMessage().contains("no answer within PT0.5S"), e.getMessage());
    }
  }

  @Test
  void postsToTheRelativeEndpointAndMatchesTheResponseById() throws Exception {
    BlockingQueue<String> posted = new LinkedBlockingQueue<>();
    try (ScriptedServer server =
            ScriptedServer.start(
                (req, ex) -> {
                  if (req.method().equals("POST")) {
                    posted.add(req.body());
                    status(ex, 202);
                    return;
                  }
                  OutputStream out = events(ex);
                  write(out, "event: endpoint\ndata: messages?session=1\n\n");
                  // another call's response first: it must not be taken for this one's
                  posted.take();
                  write(
                      out, "data: {\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{\"wrong\":1}}\n\n");
                  write(out, "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"right\":1}}\n\n");
                  ScriptedServer.hold();
                });
        SseUpstream upstream =
            factory.sse(HttpTarget.of("legacy", server.url("/sse/stream")), null)) {
      JsonRpcMessage reply =
          upstream.call(Mcp.request(1, "tools/list", "{}"), Mcp.TIMEOUT, m -> {});
      assertEquals(1, Mcp.result(reply).path("right").asInt());
      ScriptedServer.Seen post = server.seen().get(1);
      assertEquals("/sse/messages?session=1", post.target());
      assertEquals("application/json", post.header("Content-Type"));
    }
  }

  @Test
  void failsCallsInFlightAndTellsTheListenerWhenTheStreamEnds() throws Exception {
    BlockingQueue<String> posted = new LinkedBlockingQueue<>();
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
    try (ScriptedServer server =
            ScriptedServer.start(
                (req, ex) -> {
                  if (req.method().equals("POST")) {
                    posted.add(req.body());
                    status(ex, 202);
                    return;
                  }
                  write(events(ex), "event: endpoint\ndata: /messages\n\n");
                  posted.take();
                  // returning ends the stream before any response
                });
        SseUpstream upstream = factory.sse(HttpTarget.of("legacy", server.url("/sse")), listener)) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> upstream.call(Mcp.request(1, "tools/list", "{}"), Mcp.TIMEOUT, m -> {}));
      assertTrue(e.getMessage().contains("ended the stream"), e.getMessage());
      assertNotNull(closed.get(30, TimeUnit.SECONDS));
      assertFalse(closed.get().getMessage().contains("session=1"));
    }
  }
}
