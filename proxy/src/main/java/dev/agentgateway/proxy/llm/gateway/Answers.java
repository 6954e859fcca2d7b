package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.format.ProviderError;
import dev.agentgateway.proxy.llm.format.ProviderErrors;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes whole JSON answers, and the gateway's own errors in the client's error shape. */
final class Answers {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPLICATION_JSON = "application/json";

  private Answers() {}

  /** Sends {@code body} with {@code status}; returns the bytes sent. */
  static long json(ServerResponse res, int status, byte[] body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, APPLICATION_JSON);
    res.send(body);
    return body.length;
  }

  /** Sends {@code body} with {@code status}; returns the bytes sent. */
  static long json(ServerResponse res, int status, JsonNode body) {
    return json(res, status, bytes(body));
  }

  static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // a tree built in memory always serialises
      throw new IllegalStateException(e);
    }
  }

  /** The client format whose error shape {@code route} answers in. */
  static ClientFormat errorFormat(ClientRoute route) {
    return route != null && route.anthropicErrors()
        ? ClientFormat.ANTHROPIC_MESSAGES
        : ClientFormat.OPENAI_CHAT;
  }

  /**
   * Sends the gateway's own error: the type follows the status ({@code invalid_request_error},
   * {@code rate_limit_error}, ...); returns the bytes sent.
   *
   * @param code OpenAI's error {@code code} ({@code model_not_found}), or null
   */
  static long error(
      ServerResponse res, ClientRoute route, int status, String message, String code) {
    return json(res, status, errorBody(route, status, message, code));
  }

  /** The body of the gateway's own error, in the client's shape. */
  static byte[] errorBody(ClientRoute route, int status, String message, String code) {
    // neither API names a type for 405; both call a request they refuse invalid
    String type = status == 405 ? "invalid_request_error" : null;
    return bytes(
        ProviderErrors.toClient(
            errorFormat(route), new ProviderError(status, type, message, code)));
  }
}
