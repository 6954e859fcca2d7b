package dev.agentgateway.proxy.mcp.upstream.stdio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import dev.agentgateway.proxy.testing.NodePeers;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The real server-everything as a stdio target, and MCP messages to send it. */
final class StdioTesting {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private StdioTesting() {}

  /** {@code node <server-everything> stdio}, with {@code env} added. */
  static McpTarget.Stdio everything(String name, List<McpTarget.EnvVar> env) {
    String script = NodePeers.installed().resolve(NodePeers.SERVER_EVERYTHING).toString();
    return new McpTarget.Stdio(name, "node", List.of(script, "stdio"), env);
  }

  /** The same server started by a shell that first leaves a grandchild ({@code sleep}) running. */
  static McpTarget.Stdio everythingWithGrandchild(String name) {
    String script = NodePeers.installed().resolve(NodePeers.SERVER_EVERYTHING).toString();
    // The sleep must not hold the pipes, or stdout would stay open after node dies.
    String shell = "sleep 300 </dev/null >/dev/null 2>&1 & exec node '" + script + "' stdio";
    return new McpTarget.Stdio(name, "sh", List.of("-c", shell), List.of());
  }

  static JsonNode json(String text) {
    try {
      return JsonRpcCodec.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds requests with ids 1, 2, 3, ... */
  static final class Requests {
    private final AtomicInteger ids = new AtomicInteger();

    JsonRpcMessage.Request request(String method, String params) {
      return new JsonRpcMessage.Request(
          IntNode.valueOf(ids.incrementAndGet()), method, params == null ? null : json(params));
    }

    /**
     * initialize, declaring sampling: server-everything then adds its sampling tool, but only once
     * notifications/initialized has arrived, which makes the tool a witness of the handshake.
     */
    JsonRpcMessage.Request initialize() {
      return request(
          "initialize",
          """
          {"protocolVersion":"2025-06-18","capabilities":{"sampling":{}},
           "clientInfo":{"name":"stdio-test","version":"1"}}""");
    }

    JsonRpcMessage.Request callTool(String tool, String arguments) {
      return request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
    }
  }

  /** Runs the handshake: initialize, then notifications/initialized. */
  static JsonRpcMessage handshake(McpUpstream upstream, Requests requests)
      throws McpTransportException {
    JsonRpcMessage reply = upstream.call(requests.initialize(), TIMEOUT, m -> {});
    upstream.send(new JsonRpcMessage.Notification("notifications/initialized", null));
    return reply;
  }

  /** The text of a tools/call result's first content item. */
  static String text(JsonRpcMessage reply) {
    return ((JsonRpcMessage.Response) reply).result().path("content").path(0).path("text").asText();
  }

  /** A listener that queues what it gets. */
  static final class Recorder implements McpUpstream.Listener {
    final BlockingQueue<JsonRpcMessage> messages = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(JsonRpcMessage message) {
      messages.add(message);
    }
  }
}
