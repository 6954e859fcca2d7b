package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Anthropic: {@code /v1/messages} (plain and named SSE events, tool_use, usage with cache tokens),
 * {@code /v1/messages/count_tokens}, {@code /v1/models}; needs {@code x-api-key} (or a Bearer OAuth
 * token) and {@code anthropic-version}, as the real API does.
 */
final class AnthropicWire implements ProviderWire {
  @Override
  public Reply answer(RecordedRequest r) {
    String key = r.header("x-api-key");
    String bearer = r.header("authorization");
    if ((key == null || key.isEmpty()) && (bearer == null || !bearer.startsWith("Bearer "))) {
      return envelope(401, "authentication_error", "x-api-key header is required");
    }
    if (r.header("anthropic-version") == null) {
      return envelope(400, "invalid_request_error", "anthropic-version: header is required");
    }
    if (r.method().equals("GET") && r.path().equals("/v1/models")) {
      return Reply.json(200, Payloads.text("anthropic/models.json", null));
    }
    JsonNode body = Payloads.parse(r.body());
    if (!r.method().equals("POST")) {
      return envelope(404, "not_found_error", "Not found");
    }
    if (body == null) {
      return envelope(400, "invalid_request_error", "There was an error parsing the body.");
    }
    String model = ProviderWire.text(body, "model");
    if (model == null) {
      return envelope(400, "invalid_request_error", "model: Field required");
    }
    boolean tools = ProviderWire.has(body, "tools");
    return switch (r.path()) {
      case "/v1/messages" -> {
        if (!body.has("max_tokens")) {
          yield envelope(400, "invalid_request_error", "max_tokens: Field required");
        }
        if (body.path("stream").asBoolean(false)) {
          String file =
              tools ? "anthropic/messages-stream-tools.sse" : "anthropic/messages-stream.sse";
          yield Reply.sse(Payloads.sseEvents(file, model, false));
        }
        String file = tools ? "anthropic/messages-tools.json" : "anthropic/messages.json";
        yield Reply.json(200, Payloads.text(file, model), Map.of("request-id", "req_standin"));
      }
      case "/v1/messages/count_tokens" ->
          Reply.json(200, Payloads.text("anthropic/count-tokens.json", model));
      default -> envelope(404, "not_found_error", "Not found");
    };
  }

  @Override
  public Reply error(int status) {
    return switch (status) {
      case 400 -> envelope(400, "invalid_request_error", "Invalid request.");
      case 401 -> envelope(401, "authentication_error", "invalid x-api-key");
      case 429 ->
          envelope(
              429,
              "rate_limit_error",
              "This request would exceed the rate limit for your organization of 50 requests per"
                  + " minute.");
      case 503, 529 -> envelope(status, "overloaded_error", "Overloaded");
      default -> envelope(status, "api_error", "Internal server error");
    };
  }

  private static Reply envelope(int status, String type, String message) {
    ObjectNode root = Payloads.JSON.createObjectNode();
    root.put("type", "error");
    ObjectNode e = root.putObject("error");
    e.put("type", type);
    e.put("message", message);
    root.put("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy");
    return Reply.json(
        status, root.toString(), Map.of("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy"));
  }
}
