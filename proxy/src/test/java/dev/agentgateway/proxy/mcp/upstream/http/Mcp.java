package dev.agentgateway.proxy.mcp.upstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** MCP messages for tests, written as JSON text. */
final class Mcp {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Mcp() {}

  static JsonNode json(String text) {
    try {
      return JsonRpcCodec.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonRpcMessage.Request request(int id, String method, String params) {
    return new JsonRpcMessage.Request(IntNode.valueOf(id), method, json(params));
  }

  /** initialize with {@code capabilities} (JSON), protocol 2025-06-18. */
  static JsonRpcMessage.Request initialize(String capabilities) {
    return request(
        0,
        "initialize",
        "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":"
            + capabilities
            + ",\"clientInfo\":{\"name\":\"agentgateway-test\",\"version\":\"1\"}}");
  }

  static JsonRpcMessage.Notification initialized() {
    return new JsonRpcMessage.Notification("notifications/initialized", null);
  }

  /** Runs the handshake; returns the initialize result. */
  static JsonNode handshake(McpUpstream upstream, String capabilities)
      throws McpTransportException {
    JsonRpcMessage reply = upstream.call(initialize(capabilities), TIMEOUT, m -> {});
    if (!(reply instanceof JsonRpcMessage.Response r)) {
      throw new AssertionError("initialize failed: " + reply);
    }
    upstream.send(initialized());
    return r.result();
  }

  /**
   * The next request in {@code queue}, skipping notifications (e.g. the list-changed ones a server
   * sends when it adds tools after initialize); fails after 30 s without one.
   */
  static JsonRpcMessage.Request nextRequest(BlockingQueue<JsonRpcMessage> queue)
      throws InterruptedException {
    while (true) {
      JsonRpcMessage m = queue.poll(30, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no request within 30 s");
      }
      if (m instanceof JsonRpcMessage.Request r) {
        return r;
      }
    }
  }

  /** The next notification of {@code method} in {@code queue}; fails after 30 s without one. */
  static JsonRpcMessage.Notification nextNotification(
      BlockingQueue<JsonRpcMessage> queue, String method) throws InterruptedException {
    while (true) {
      JsonRpcMessage m = queue.poll(30, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no " + method + " within 30 s");
      }
      if (m instanceof JsonRpcMessage.Notification n && n.method().equals(method)) {
        return n;
      }
    }
  }

  /** The result of a successful call; fails the test on an error response. */
  static JsonNode result(JsonRpcMessage reply) {
    if (reply instanceof JsonRpcMessage.Response r) {
      return r.result();
    }
    throw new AssertionError("expected a result, got " + reply);
  }

  /** Twenty echo calls in flight on one session at once each get their own answer. */
  static void assertConcurrentEchoes(McpUpstream upstream) throws Exception {
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<JsonRpcMessage>> replies = new ArrayList<>();
      for (int i = 100; i < 120; i++) {
        JsonRpcMessage.Request echo =
            request(
                i, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":\"m" + i + "\"}}");
        replies.add(callers.submit(() -> upstream.call(echo, TIMEOUT, m -> {})));
      }
      for (int i = 0; i < replies.size(); i++) {
        JsonNode result = result(replies.get(i).get());
        assertEquals("Echo: m" + (100 + i), result.path("content").path(0).path("text").asText());
      }
    }
  }
}
