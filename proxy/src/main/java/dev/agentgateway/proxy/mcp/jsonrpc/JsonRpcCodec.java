package dev.agentgateway.proxy.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@link JsonRpcMessage}s. Reading is strict ({@code "jsonrpc": "2.0"}, a string
 * method, a valid id) and bounded in nesting depth; callers bound the size before they read.
 */
public final class JsonRpcCodec {
  /** Deeper JSON than any real MCP message needs; refusing it keeps parsing cheap. */
  private static final int MAX_DEPTH = 64;

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonRpcCodec() {}

  /** The shared mapper, configured with the codec's limits. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /**
   * Parses one message or a batch.
   *
   * @return the messages, one for a single message
   * @throws JsonRpcException a parse error (not JSON) or an invalid request (JSON, not JSON-RPC; an
   *     empty batch)
   */
  public static List<JsonRpcMessage> parse(byte[] body) throws JsonRpcException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new JsonRpcException(
          JsonRpcErrors.PARSE_ERROR, "parse error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw new JsonRpcException(JsonRpcErrors.PARSE_ERROR, "parse error: empty body");
    }
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw new JsonRpcException(JsonRpcErrors.INVALID_REQUEST, "empty batch");
      }
      List<JsonRpcMessage> out = new ArrayList<>(root.size());
      for (JsonNode item : root) {
        out.add(message(item));
      }
      return out;
    }
    return List.of(message(root));
  }

  /** Reads one message from a tree. */
  public static JsonRpcMessage message(JsonNode node) throws JsonRpcException {
    if (!node.isObject()) {
      throw invalid("a message is a JSON object");
    }
    if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
      throw invalid("\"jsonrpc\" must be \"2.0\"");
    }
    JsonNode id = node.get("id");
    JsonNode method = node.get("method");
    if (method != null) {
      if (!method.isTextual()) {
        throw invalid("\"method\" must be a string");
      }
      JsonNode params = node.get("params");
      if (params != null && !params.isObject() && !params.isArray()) {
        throw invalid("\"params\" must be an object or an array");
      }
      if (id == null) {
        return new JsonRpcMessage.Notification(method.asText(), params);
      }
      if (!JsonRpcIds.valid(id)) {
        throw invalid("\"id\" must be a string or an integer");
      }
      return new JsonRpcMessage.Request(id, method.asText(), params);
    }
    JsonNode result = node.get("result");
    JsonNode error = node.get("error");
    if ((result == null) == (error == null)) {
      throw invalid("a message has a method, or exactly one of result and error");
    }
    if (result != null) {
      if (!JsonRpcIds.valid(id)) {
        throw invalid("a response's \"id\" must be a string or an integer");
      }
      return new JsonRpcMessage.Response(id, result);
    }
    if (!error.isObject() || !error.path("code").isIntegralNumber()) {
      throw invalid("\"error\" must be an object with an integer code");
    }
    JsonNode errorId = id == null || id.isNull() ? null : id;
    if (errorId != null && !JsonRpcIds.valid(errorId)) {
      throw invalid("an error's \"id\" must be a string, an integer or null");
    }
    return new JsonRpcMessage.ErrorResponse(
        errorId, error.get("code").asInt(), error.path("message").asText(""), error.get("data"));
  }

  /** The tree form of {@code message}. */
  public static ObjectNode tree(JsonRpcMessage message) {
    ObjectNode node = NODES.objectNode();
    node.put("jsonrpc", "2.0");
    switch (message) {
      case JsonRpcMessage.Request r -> {
        node.set("id", r.id());
        node.put("method", r.method());
        if (r.params() != null) {
          node.set("params", r.params());
        }
      }
      case JsonRpcMessage.Notification n -> {
        node.put("method", n.method());
        if (n.params() != null) {
          node.set("params", n.params());
        }
      }
      case JsonRpcMessage.Response r -> {
        node.set("id", r.id());
        node.set("result", r.result());
      }
      case JsonRpcMessage.ErrorResponse e -> {
        node.set("id", e.id() == null ? NODES.nullNode() : e.id());
        ObjectNode error = node.putObject("error");
        error.put("code", e.code());
        error.put("message", e.message());
        if (e.data() != null) {
          error.set("data", e.data());
        }
      }
    }
    return node;
  }

  /** The UTF-8 JSON bytes of {@code message}. */
  public static byte[] bytes(JsonRpcMessage message) {
    try {
      return JSON.writeValueAsBytes(tree(message));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The UTF-8 JSON bytes of a batch. */
  public static byte[] bytes(List<JsonRpcMessage> batch) {
    var array = NODES.arrayNode();
    batch.forEach(m -> array.add(tree(m)));
    try {
      return JSON.writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonRpcException invalid(String message) {
    return new JsonRpcException(JsonRpcErrors.INVALID_REQUEST, "invalid request: " + message);
  }
}
