package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;

/** What a server sends, as the client must see it through the gateway. */
final class ServerMessages {
  private ServerMessages() {}

  static ObjectNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Requests get ids that lead back to {@code target}; a server cancelling one of its requests
   * names the rewritten id; resource notifications name qualified URIs when names are prefixed.
   */
  static JsonRpcMessage toClient(String target, JsonRpcMessage message, boolean prefixed) {
    return switch (message) {
      case JsonRpcMessage.Request r ->
          new JsonRpcMessage.Request(
              ServerRequestIds.toClient(target, r.id()), r.method(), r.params());
      case JsonRpcMessage.Notification n when n.params() instanceof ObjectNode params -> {
        if (n.method().equals("notifications/cancelled") && params.has("requestId")) {
          ObjectNode copy = params.deepCopy();
          copy.set("requestId", ServerRequestIds.toClient(target, params.get("requestId")));
          yield new JsonRpcMessage.Notification(n.method(), copy);
        }
        if (prefixed
            && n.method().equals("notifications/resources/updated")
            && params.path("uri").isTextual()) {
          ObjectNode copy = params.deepCopy();
          copy.put("uri", Names.qualifyUri(target, params.get("uri").asText()));
          yield new JsonRpcMessage.Notification(n.method(), copy);
        }
        yield n;
      }
      default -> message;
    };
  }

  /**
   * A routed call's answer with the URIs it names qualified, so the client can read them through
   * the gateway: {@code resources/read} contents, and embedded resources and resource links in tool
   * results. Only copied when something changes.
   */
  static JsonRpcMessage answerToClient(String target, String method, JsonRpcMessage answer) {
    if (!(answer instanceof JsonRpcMessage.Response r)
        || !(r.result() instanceof ObjectNode result)) {
      return answer;
    }
    String items =
        switch (method) {
          case "resources/read" -> "contents";
          case "tools/call" -> "content";
          default -> null;
        };
    if (items == null || !result.path(items).isArray() || !namesUri(result.get(items))) {
      return answer;
    }
    ObjectNode copy = result.deepCopy();
    for (JsonNode item : copy.get(items)) {
      qualifyUri(target, item);
      if (item.path("type").asText("").equals("resource")) {
        qualifyUri(target, item.path("resource"));
      }
    }
    return new JsonRpcMessage.Response(r.id(), copy);
  }

  private static boolean namesUri(JsonNode items) {
    for (JsonNode item : items) {
      if (item.has("uri") || item.path("resource").has("uri")) {
        return true;
      }
    }
    return false;
  }

  private static void qualifyUri(String target, JsonNode node) {
    if (node instanceof ObjectNode o && o.path("uri").isTextual()) {
      o.put("uri", Names.qualifyUri(target, o.get("uri").asText()));
    }
  }

  /**
   * {@code params} with {@code field} set to {@code value}, copied so the original is untouched.
   */
  static ObjectNode with(JsonNode params, String field, String value) {
    ObjectNode copy = params instanceof ObjectNode o ? o.deepCopy() : emptyObject();
    copy.put(field, value);
    return copy;
  }
}
