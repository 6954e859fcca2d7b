package dev.agentgateway.proxy.mcp.upstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small JSON-RPC helpers the HTTP transports share. */
final class Messages {
  private Messages() {}

  /**
   * Parses what the server sent (one message or a batch).
   *
   * @throws JsonRpcException not JSON-RPC
   */
  static List<JsonRpcMessage> parse(String text) throws JsonRpcException {
    return JsonRpcCodec.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * How errors name what was sent: {@code POST <method>}. The method comes from a client, so it is
   * cut to printable ASCII and 64 characters before it reaches a message or a log line.
   */
  static String what(JsonRpcMessage message) {
    String method =
        switch (message) {
          case JsonRpcMessage.Request r -> r.method();
          case JsonRpcMessage.Notification n -> n.method();
          default -> "response";
        };
    String clean = method.replaceAll("[^\\x20-\\x7e]", "?");
    return "POST " + (clean.length() <= 64 ? clean : clean.substring(0, 64) + "...");
  }

  /** The id of a response or error response; null for other messages. */
  static JsonNode responseId(JsonRpcMessage message) {
    return switch (message) {
      case JsonRpcMessage.Response r -> r.id();
      case JsonRpcMessage.ErrorResponse e -> e.id();
      default -> null;
    };
  }

  /**
   * Whether two ids are the same id. Jackson's equals is too strict here: {@code 1} read from the
   * wire is an IntNode while the caller may have built a LongNode.
   */
  static boolean sameId(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.isTextual() && b.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    return false;
  }

  /** A map key for an id or progress token that keeps 1 and "1" apart and 1 and 1L together. */
  static String key(JsonNode id) {
    return id.isIntegralNumber() ? "n" + id.bigIntegerValue() : "s" + id.asText();
  }

  /** The request's {@code params._meta.progressToken}, or null. */
  static JsonNode progressToken(JsonRpcMessage.Request request) {
    JsonNode token =
        request.params() == null ? null : request.params().path("_meta").get("progressToken");
    return token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
  }

  /** The {@code progressToken} of a progress notification, or null for any other message. */
  static JsonNode progressTokenOf(JsonRpcMessage message) {
    if (message instanceof JsonRpcMessage.Notification n
        && n.method().equals("notifications/progress")
        && n.params() != null) {
      JsonNode token = n.params().get("progressToken");
      return token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
    }
    return null;
  }
}
