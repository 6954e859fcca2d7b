package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;

/**
 * What one MCP request is about, for logs and metrics: the target it goes to and the tool, prompt
 * or resource it names (each as the target itself calls it); empty strings where none applies.
 */
public record CallInfo(String target, String resourceType, String resource) {
  public static final CallInfo NONE = new CallInfo("", "", "");

  /** Reads {@code request} the way the session routes it. */
  static CallInfo of(MuxSession session, JsonRpcMessage.Request request) {
    JsonNode params = request.params();
    if (params == null) {
      return NONE;
    }
    return switch (request.method()) {
      case "tools/call" ->
          of(Routing.ofName(session, params.path("name").asText(""), McpAccess.Kind.TOOL), "tool");
      case "prompts/get" ->
          of(
              Routing.ofName(session, params.path("name").asText(""), McpAccess.Kind.PROMPT),
              "prompt");
      case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
          of(Routing.ofUri(session, params.path("uri").asText("")), "resource");
      default -> NONE;
    };
  }

  private static CallInfo of(Routing.Named named, String type) {
    return new CallInfo(named.target() == null ? "" : named.target(), type, named.own());
  }
}
