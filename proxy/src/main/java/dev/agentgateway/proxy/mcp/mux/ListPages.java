package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every page of one server's list. The merged list has no cursor of its own (a cursor per
 * server would not fit one opaque string), so the gateway follows each server's cursors itself.
 */
final class ListPages {
  /** More pages than any real server has; stops a server that loops its cursors. */
  static final int MAX_PAGES = 100;

  private ListPages() {}

  static List<JsonNode> all(
      McpUpstream up,
      ListKind kind,
      JsonRpcMessage.Request request,
      Duration timeout,
      Consumer<JsonRpcMessage> related)
      throws McpTransportException {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode params =
          cursor == null
              ? stripCursor(request.params())
              : ServerMessages.with(request.params(), "cursor", cursor);
      JsonRpcMessage answer =
          up.call(
              new JsonRpcMessage.Request(request.id(), request.method(), params), timeout, related);
      if (answer instanceof JsonRpcMessage.ErrorResponse e) {
        throw new McpTransportException(kind.method + " answered " + e.code() + " " + e.message());
      }
      JsonNode result = ((JsonRpcMessage.Response) answer).result();
      result.path(kind.array).forEach(items::add);
      JsonNode next = result.get("nextCursor");
      if (next == null || !next.isTextual() || next.asText().isEmpty()) {
        return items;
      }
      cursor = next.asText();
    }
    throw new McpTransportException(kind.method + " returned more than " + MAX_PAGES + " pages");
  }

  /** The client's own cursor means nothing to a server behind a merged list. */
  private static JsonNode stripCursor(JsonNode params) {
    if (params != null && params.has("cursor") && params.isObject()) {
      var copy = params.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("cursor");
      return copy;
    }
    return params;
  }
}
