package dev.agentgateway.proxy.mcp.upstream.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An OpenAPI target as one gateway session sees it: an MCP server answered in process, whose tools
 * are the document's operations and whose tool calls are HTTP requests to the API. It holds no
 * server-side state, so resuming it on another replica needs no handshake.
 */
public final class OpenApiUpstream implements McpUpstream {
  /** The largest API response read; a larger one becomes a tool error. */
  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /** Protocol versions this server speaks, oldest first. */
  static final List<String> VERSIONS =
      List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

  /** The first version whose tool results may carry {@code structuredContent}. */
  private static final String STRUCTURED = "2025-06-18";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final OpenApiTools tools;
  private final String base;
  private final HttpClient client;
  private final String version;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile String protocolVersion;
  private volatile boolean closed;

  /**
   * @param base {@code http://authority} plus the base path, without a trailing {@code /}
   * @param protocolVersion the version agreed when resuming a session; null for a new one
   */
  OpenApiUpstream(
      String name,
      OpenApiTools tools,
      String base,
      HttpClient client,
      String version,
      String protocolVersion) {
    this.name = name;
    this.tools = tools;
    this.base = base;
    this.client = client;
    this.version = version;
    this.protocolVersion = protocolVersion;
  }

  @Override
  public JsonRpcMessage call(
      JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> related)
      throws McpTransportException {
    if (closed) {
      throw new McpTransportException("MCP target '" + name + "': the upstream was closed");
    }
    JsonNode id = request.id();
    JsonNode params = request.params() == null ? NODES.objectNode() : request.params();
    return switch (request.method()) {
      case "initialize" -> new JsonRpcMessage.Response(id, initialize(params));
      case "ping", "logging/setLevel" -> new JsonRpcMessage.Response(id, NODES.objectNode());
      case "tools/list" -> list(id, "tools", tools.toolList());
      case "tools/call" -> callTool(id, params, timeout);
      // empty rather than "method not found": the gateway fans lists out to every target, and a
      // target that fails a list fails the whole list under failClosed
      case "prompts/list" -> list(id, "prompts", NODES.arrayNode());
      case "resources/list" -> list(id, "resources", NODES.arrayNode());
      case "resources/templates/list" -> list(id, "resourceTemplates", NODES.arrayNode());
      default ->
          JsonRpcMessage.ErrorResponse.of(
              id,
              JsonRpcErrors.METHOD_NOT_FOUND,
              "method not found: an OpenAPI target serves tools only");
    };
  }

  private ObjectNode initialize(JsonNode params) {
    String asked = params.path("protocolVersion").asText("");
    String agreed = VERSIONS.contains(asked) ? asked : VERSIONS.get(VERSIONS.size() - 1);
    protocolVersion = agreed;
    ObjectNode result = NODES.objectNode().put("protocolVersion", agreed);
    result.putObject("capabilities").putObject("tools");
    result.putObject("serverInfo").put("name", name).put("version", version);
    return result;
  }

  private static JsonRpcMessage list(JsonNode id, String array, JsonNode items) {
    ObjectNode result = NODES.objectNode();
    result.set(array, items);
    return new JsonRpcMessage.Response(id, result);
  }

  private JsonRpcMessage callTool(JsonNode id, JsonNode params, Duration timeout)
      throws McpTransportException {
    JsonNode toolName = params.get("name");
    if (toolName == null || !toolName.isTextual()) {
      return JsonRpcMessage.ErrorResponse.of(
          id, JsonRpcErrors.INVALID_PARAMS, "tools/call needs a tool name");
    }
    Operation op = tools.operation(toolName.textValue());
    if (op == null) {
      return JsonRpcMessage.ErrorResponse.of(
          id, JsonRpcErrors.INVALID_PARAMS, "Unknown tool: " + toolName.textValue());
    }
    HttpRequest request;
    try {
      request = request(HttpCall.of(op, params.get("arguments")), timeout);
    } catch (IllegalArgumentException e) {
      // a tool error, not a protocol error, so the model sees what to fix and can retry
      return new JsonRpcMessage.Response(id, toolResult(e.getMessage(), true, null));
    }
    HttpResponse<LimitedBody.Body> response = send(request, op, timeout);
    LimitedBody.Body body = response.body();
    int status = response.statusCode();
    if (body.tooLarge()) {
      return new JsonRpcMessage.Response(
          id,
          toolResult(
              "HTTP " + status + ": the response is larger than " + MAX_RESPONSE_BYTES + " bytes",
              true,
              null));
    }
    String text = new String(body.bytes(), StandardCharsets.UTF_8);
    if (status >= 400) {
      return new JsonRpcMessage.Response(
          id,
          toolResult(
              text.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + text, true, null));
    }
    return new JsonRpcMessage.Response(
        id, toolResult(text.isEmpty() ? "HTTP " + status : text, false, structured(text)));
  }

  private HttpRequest request(HttpCall call, Duration timeout) {
    URI uri;
    try {
      uri = URI.create(base + call.pathAndQuery());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the operation's path does not form a valid URL");
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(
                call.method(),
                call.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()))
            .header("Accept", "application/json");
    if (call.body() != null) {
      b.header("Content-Type", "application/json");
    }
    for (Map.Entry<String, String> h : call.headers()) {
      b.header(h.getKey(), h.getValue());
    }
    return b.build();
  }

  private HttpResponse<LimitedBody.Body> send(HttpRequest request, Operation op, Duration timeout)
      throws McpTransportException {
    String what = "MCP target '" + name + "': " + op.method() + " " + op.path();
    CompletableFuture<HttpResponse<LimitedBody.Body>> future =
        client.sendAsync(request, LimitedBody.handler(MAX_RESPONSE_BYTES));
    inFlight.add(future);
    try {
      if (closed) {
        throw new McpTransportException(what + ": the upstream was closed");
      }
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new McpTransportException(what + ": no answer within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String why =
          cause instanceof IOException && cause.getMessage() != null
              ? cause.getClass().getSimpleName() + " " + cause.getMessage()
              : String.valueOf(cause);
      throw new McpTransportException(what + ": " + why, cause);
    } catch (java.util.concurrent.CancellationException e) {
      throw new McpTransportException(what + ": the upstream was closed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpTransportException(what + ": interrupted", e);
    } finally {
      future.cancel(true);
      inFlight.remove(future);
    }
  }

  /** The body as a JSON object, when the agreed protocol has structured tool results. */
  private JsonNode structured(String text) {
    String v = protocolVersion;
    if (v == null || v.compareTo(STRUCTURED) < 0 || !text.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode tree = JsonRpcCodec.mapper().readTree(text);
      return tree != null && tree.isObject() ? tree : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static ObjectNode toolResult(String text, boolean isError, JsonNode structured) {
    ObjectNode result = NODES.objectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    if (structured != null) {
      result.set("structuredContent", structured);
    }
    result.put("isError", isError);
    return result;
  }

  /** Notifications (initialized, cancelled, ...) need nothing from a server without state. */
  @Override
  public void send(JsonRpcMessage message) throws McpTransportException {
    if (closed) {
      throw new McpTransportException("MCP target '" + name + "': the upstream was closed");
    }
  }

  /** The compiled document; for tests that check it is shared. */
  OpenApiTools tools() {
    return tools;
  }

  @Override
  public String sessionId() {
    return null;
  }

  /** Aborts the API calls in flight; later calls fail. */
  @Override
  public void close() {
    closed = true;
    inFlight.forEach(f -> f.cancel(true));
  }
}
