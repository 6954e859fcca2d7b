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
      case "tools/call" -> named(session, params.path("name").asText(""), "tool", true);
      case "prompts/get" -> named(session, params.path("name").asText(""), "prompt", false);
      case "resources/read", "resources/subscribe", "resources/unsubscribe" -> {
        String uri = params.path("uri").asText("");
        String target = session.prefixed() ? Names.targetOfUri(uri) : single(session);
        String own = session.prefixed() && target != null ? Names.unqualifiedUri(uri) : uri;
        yield new CallInfo(target == null ? "" : target, "resource", own);
      }
      default -> NONE;
    };
  }

  private static CallInfo named(MuxSession session, String name, String type, boolean tool) {
    String target;
    String own = name;
    if (session.prefixed()) {
      target = Names.targetOf(name);
      if (target != null) {
        own = Names.unqualified(name);
      }
    } else {
      target = single(session);
      if (target == null && tool) {
        target = session.toolTarget(name);
      }
    }
    return new CallInfo(target == null ? "" : target, type, own);
  }

  private static String single(MuxSession session) {
    return session.targets().size() == 1 ? session.targets().get(0) : null;
  }
}
