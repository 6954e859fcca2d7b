package dev.agentgateway.proxy.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One JSON-RPC 2.0 message. Ids stay JSON values (a string or a number, as the sender wrote it),
 * since a gateway must answer with exactly the id it was given. {@code params}, {@code result} and
 * {@code data} are kept as trees: the gateway rewrites a few fields and passes the rest through.
 */
public sealed interface JsonRpcMessage {

  /** A call that expects a response. */
  record Request(JsonNode id, String method, JsonNode params) implements JsonRpcMessage {
    public Request {
      JsonRpcIds.require(id);
      Objects.requireNonNull(method, "method");
    }
  }

  /** A one-way message. */
  record Notification(String method, JsonNode params) implements JsonRpcMessage {
    public Notification {
      Objects.requireNonNull(method, "method");
    }
  }

  /** A successful response. */
  record Response(JsonNode id, JsonNode result) implements JsonRpcMessage {
    public Response {
      JsonRpcIds.require(id);
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * An error response; {@code id} is null when the request's id could not be read (a parse error).
   */
  record ErrorResponse(JsonNode id, int code, String message, JsonNode data)
      implements JsonRpcMessage {
    public ErrorResponse {
      if (id != null) {
        JsonRpcIds.require(id);
      }
      Objects.requireNonNull(message, "message");
    }

    /** An error without data. */
    public static ErrorResponse of(JsonNode id, int code, String message) {
      return new ErrorResponse(id, code, message, null);
    }
  }
}
