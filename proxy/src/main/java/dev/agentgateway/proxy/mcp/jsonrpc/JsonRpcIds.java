package dev.agentgateway.proxy.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on JSON-RPC ids: a string or an integral number, nothing else. */
final class JsonRpcIds {
  private JsonRpcIds() {}

  static boolean valid(JsonNode id) {
    return id != null && (id.isTextual() || id.isIntegralNumber());
  }

  static JsonNode require(JsonNode id) {
    if (!valid(id)) {
      throw new IllegalArgumentException("a JSON-RPC id is a string or an integer, got " + id);
    }
    return id;
  }
}
