package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;

/**
 * Which target answers a request that is not fanned out, and the request as that target must see it
 * (its own tool name, prompt name or URI).
 */
final class Routing {
  private Routing() {}

  static Routed route(MuxSession session, JsonRpcMessage.Request request, McpAccess access) {
    JsonNode params = request.params() == null ? ServerMessages.emptyObject() : request.params();
    return switch (request.method()) {
      case "tools/call" ->
          byName(session, access, request, params, "name", McpAccess.Kind.TOOL, "tool");
      case "prompts/get" ->
          byName(session, access, request, params, "name", McpAccess.Kind.PROMPT, "prompt");
      case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
          byUri(session, access, request, params, "uri");
      case "completion/complete" -> completion(session, request, params, access);
      default ->
          session.targets().size() == 1
              ? new Routed(session.targets().get(0), request, null)
              : refused(
                  request, JsonRpcErrors.METHOD_NOT_FOUND, "method not found: " + request.method());
    };
  }

  private static Routed byName(
      MuxSession session,
      McpAccess access,
      JsonRpcMessage.Request request,
      JsonNode params,
      String field,
      McpAccess.Kind kind,
      String what) {
    if (!params.path(field).isTextual()) {
      return refused(request, JsonRpcErrors.INVALID_PARAMS, "params." + field + " is required");
    }
    String name = params.get(field).asText();
    Named resolved = ofName(session, name, kind);
    String target = resolved.target();
    String own = resolved.own();
    // A denied name answers like an unknown one: callers learn nothing about what exists.
    if (target == null || !session.live(target) || !access.allowed(kind, target, own)) {
      return refused(request, JsonRpcErrors.INVALID_PARAMS, "unknown " + what + ": " + name);
    }
    return new Routed(
        target,
        new JsonRpcMessage.Request(
            request.id(), request.method(), ServerMessages.with(params, field, own)),
        null);
  }

  private static Routed byUri(
      MuxSession session,
      McpAccess access,
      JsonRpcMessage.Request request,
      JsonNode params,
      String field) {
    if (!params.path(field).isTextual()) {
      return refused(request, JsonRpcErrors.INVALID_PARAMS, "params." + field + " is required");
    }
    String uri = params.get(field).asText();
    Named resolved = ofUri(session, uri);
    String target = resolved.target();
    String own = resolved.own();
    if (target == null
        || !session.live(target)
        || !access.allowed(McpAccess.Kind.RESOURCE, target, own)) {
      return refused(request, JsonRpcErrors.INVALID_PARAMS, "unknown resource: " + uri);
    }
    return new Routed(
        target,
        new JsonRpcMessage.Request(
            request.id(), request.method(), ServerMessages.with(params, field, own)),
        null);
  }

  private static Routed completion(
      MuxSession session, JsonRpcMessage.Request request, JsonNode params, McpAccess access) {
    JsonNode ref = params.path("ref");
    String type = ref.path("type").asText("");
    JsonNode inner = ref.isObject() ? ref : ServerMessages.emptyObject();
    Routed routed =
        switch (type) {
          case "ref/prompt" ->
              byName(session, access, request, inner, "name", McpAccess.Kind.PROMPT, "prompt");
          case "ref/resource" -> byUri(session, access, request, inner, "uri");
          default ->
              refused(
                  request,
                  JsonRpcErrors.INVALID_PARAMS,
                  "params.ref.type must be ref/prompt or ref/resource");
        };
    if (routed.refusal() != null) {
      return routed;
    }
    ObjectNode copy = params instanceof ObjectNode o ? o.deepCopy() : ServerMessages.emptyObject();
    copy.set("ref", routed.request().params());
    return new Routed(
        routed.target(), new JsonRpcMessage.Request(request.id(), request.method(), copy), null);
  }

  /**
   * A name as the client wrote it, resolved to its target and the target's own name.
   *
   * @param target the target, or null when no target has it
   * @param own the name as the target calls it
   */
  record Named(String target, String own) {}

  /** Which target a tool or prompt name belongs to. */
  static Named ofName(MuxSession session, String name, McpAccess.Kind kind) {
    if (session.prefixed()) {
      String target = Names.targetOf(name);
      return new Named(target, target == null ? name : Names.unqualified(name));
    }
    if (session.targets().size() == 1) {
      return new Named(session.targets().get(0), name);
    }
    return new Named(kind == McpAccess.Kind.TOOL ? session.toolTarget(name) : null, name);
  }

  /** Which target a resource URI belongs to. */
  static Named ofUri(MuxSession session, String uri) {
    if (session.prefixed()) {
      String target = Names.targetOfUri(uri);
      return new Named(target, target == null ? uri : Names.unqualifiedUri(uri));
    }
    return new Named(session.targets().size() == 1 ? session.targets().get(0) : null, uri);
  }

  private static Routed refused(JsonRpcMessage.Request request, int code, String message) {
    return new Routed(null, null, JsonRpcMessage.ErrorResponse.of(request.id(), code, message));
  }
}
