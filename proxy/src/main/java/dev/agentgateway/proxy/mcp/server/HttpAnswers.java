package dev.agentgateway.proxy.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The plain (non-streaming) answers of the MCP endpoint. */
public final class HttpAnswers {
  private HttpAnswers() {}

  /** A transport-level refusal: an HTTP status with a JSON-RPC error body saying why. */
  static McpReply refuse(
      ServerResponse res, Status status, int code, String message, String method) {
    return json(
        res,
        status,
        JsonRpcMessage.ErrorResponse.of((JsonNode) null, code, message),
        message,
        method);
  }

  static McpReply json(
      ServerResponse res, Status status, JsonRpcMessage message, String reason, String method) {
    return send(res, status, JsonRpcCodec.bytes(message), reason, method);
  }

  static McpReply json(ServerResponse res, List<JsonRpcMessage> batch, String method) {
    return send(res, Status.OK_200, JsonRpcCodec.bytes(batch), "", method);
  }

  /** A text answer saying why, e.g. a refusal before the MCP endpoint is reached. */
  public static McpReply plain(ServerResponse res, Status status, String reason, String method) {
    byte[] body = reason.getBytes(StandardCharsets.UTF_8);
    res.status(status);
    res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
    res.send(body);
    return new McpReply(status.code(), reason, method, body.length);
  }

  static McpReply accepted(ServerResponse res, String method) {
    res.status(Status.ACCEPTED_202);
    res.send();
    return new McpReply(202, "", method, 0);
  }

  private static McpReply send(
      ServerResponse res, Status status, byte[] body, String reason, String method) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(body);
    return new McpReply(status.code(), reason, method, body.length);
  }
}
