package dev.agentgateway.proxy.mcp.upstream.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A request sent to the child and not answered yet. */
record PendingCall(
    JsonRpcMessage.Request request,
    String progressToken,
    Consumer<JsonRpcMessage> related,
    CompletableFuture<JsonRpcMessage> reply) {

  static PendingCall of(JsonRpcMessage.Request request, Consumer<JsonRpcMessage> related) {
    JsonNode token =
        request.params() == null ? null : request.params().path("_meta").get("progressToken");
    return new PendingCall(
        request, token == null ? null : key(token), related, new CompletableFuture<>());
  }

  /**
   * A map key for a JSON-RPC id or progress token. Jackson's nodes for 1 (int) and 1 (long) are not
   * equal, and a child may echo a number in another width than we sent, so numbers compare by
   * value.
   */
  static String key(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "n" + value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return "d" + value.decimalValue().stripTrailingZeros().toPlainString();
    }
    return "s" + value.asText();
  }
}
