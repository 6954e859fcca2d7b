package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * OpenAI: {@code /v1/chat/completions} (plain, SSE with {@code data: [DONE]}, tool calls, the usage
 * chunk only with {@code stream_options.include_usage}), {@code /v1/responses} (plain and named SSE
 * events), {@code /v1/embeddings} (floats or base64 as asked), {@code /v1/models}; a Bearer key is
 * required.
 */
final class OpenAiWire implements ProviderWire {
  @Override
  public Reply answer(RecordedRequest r) {
    String auth = r.header("authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
      return envelope(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization"
              + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          "invalid_request_error",
          null);
    }
    if (r.method().equals("GET") && r.path().equals("/v1/models")) {
      return Reply.json(200, Payloads.text("openai/models.json", null));
    }
    if (!r.method().equals("POST")) {
      return envelope(
          404, "Invalid URL (" + r.method() + " " + r.path() + ")", "invalid_request_error", null);
    }
    JsonNode body = Payloads.parse(r.body());
    if (body == null) {
      return envelope(
          400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
    }
    String model = ProviderWire.text(body, "model");
    if (model == null) {
      return envelope(400, "you must provide a model parameter", "invalid_request_error", null);
    }
    boolean stream = body.path("stream").asBoolean(false);
    boolean tools = ProviderWire.has(body, "tools");
    return switch (r.path()) {
      case "/v1/chat/completions" -> chat(model, stream, tools, body);
      case "/v1/responses" ->
          stream
              ? Reply.sse(Payloads.sseEvents("openai/responses-stream.sse", model, false))
              : Reply.json(200, Payloads.text("openai/responses.json", model));
      case "/v1/embeddings" -> embeddings(model, body);
      default ->
          envelope(404, "Invalid URL (POST " + r.path() + ")", "invalid_request_error", null);
    };
  }

  private static Reply chat(String model, boolean stream, boolean tools, JsonNode body) {
    if (!stream) {
      String file = tools ? "openai/chat-completion-tools.json" : "openai/chat-completion.json";
      return Reply.json(200, Payloads.text(file, model));
    }
    String file = tools ? "openai/chat-stream-tools.sse" : "openai/chat-stream.sse";
    boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
    List<String> events =
        Payloads.sseEvents(file, model, false).stream()
            .filter(e -> usage || !e.contains("\"choices\":[]"))
            .toList();
    return Reply.sse(events);
  }

  private static Reply embeddings(String model, JsonNode body) {
    String json = Payloads.text("openai/embeddings.json", model);
    if (!"base64".equals(ProviderWire.text(body, "encoding_format"))) {
      return Reply.json(200, json);
    }
    try {
      ObjectNode tree = (ObjectNode) Payloads.JSON.readTree(json);
      for (JsonNode item : tree.path("data")) {
        JsonNode floats = item.get("embedding");
        ByteBuffer b = ByteBuffer.allocate(floats.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        floats.forEach(f -> b.putFloat((float) f.asDouble()));
        ((ObjectNode) item).put("embedding", Base64.getEncoder().encodeToString(b.array()));
      }
      return Reply.json(200, Payloads.JSON.writeValueAsString(tree));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Reply error(int status) {
    return switch (status) {
      case 429 ->
          envelope(
              429,
              "Rate limit reached for gpt-4o-mini in organization org-standin on requests per min"
                  + " (RPM): Limit 3, Used 3, Requested 1.",
              "requests",
              "rate_limit_exceeded");
      case 400 -> envelope(400, "Invalid request.", "invalid_request_error", null);
      case 401 ->
          envelope(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
      case 503 -> envelope(503, "The server is overloaded or not ready yet.", "server_error", null);
      default ->
          envelope(
              status,
              "The server had an error while processing your request.",
              "server_error",
              null);
    };
  }

  private static Reply envelope(int status, String message, String type, String code) {
    ObjectNode error = Payloads.JSON.createObjectNode();
    ObjectNode e = error.putObject("error");
    e.put("message", message);
    e.put("type", type);
    e.putNull("param");
    if (code == null) {
      e.putNull("code");
    } else {
      e.put("code", code);
    }
    return Reply.json(status, error.toString(), java.util.Map.of("x-request-id", "req_standin"));
  }
}
