package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Gemini's native API: {@code /v1beta/models/{model}:generateContent} and {@code
 * :streamGenerateContent} (SSE with {@code alt=sse}, framed with CRLF as Google does; a JSON array
 * without it), with function calls and cumulative {@code usageMetadata}; needs {@code
 * x-goog-api-key} or {@code key=}.
 */
final class GeminiWire implements ProviderWire {
  private static final String PREFIX = "/v1beta/models/";

  @Override
  public Reply answer(RecordedRequest r) {
    boolean keyed =
        r.header("x-goog-api-key") != null
            || (r.query() != null && (r.query().startsWith("key=") || r.query().contains("&key=")));
    if (!keyed) {
      return envelope(
          403,
          "Method doesn't allow unregistered callers (callers without established identity).",
          "PERMISSION_DENIED");
    }
    int colon = r.path().lastIndexOf(':');
    if (!r.method().equals("POST") || !r.path().startsWith(PREFIX) || colon < 0) {
      return envelope(404, "Requested entity was not found.", "NOT_FOUND");
    }
    String model =
        java.net.URLDecoder.decode(
            r.path().substring(PREFIX.length(), colon), java.nio.charset.StandardCharsets.UTF_8);
    String method = r.path().substring(colon + 1);
    JsonNode body = Payloads.parse(r.body());
    if (body == null || !ProviderWire.has(body, "contents")) {
      return envelope(
          400, "* GenerateContentRequest.contents: contents is not specified", "INVALID_ARGUMENT");
    }
    boolean tools = ProviderWire.has(body, "tools");
    return switch (method) {
      case "generateContent" ->
          Reply.json(
              200,
              Payloads.text(
                  tools ? "gemini/generate-content-tools.json" : "gemini/generate-content.json",
                  model));
      case "streamGenerateContent" -> {
        List<String> events = Payloads.sseEvents("gemini/stream.sse", model, true);
        if (r.query() != null && r.query().contains("alt=sse")) {
          yield Reply.sse(events);
        }
        String array =
            "["
                + String.join(
                    ",\r\n",
                    events.stream().map(e -> e.strip().substring("data: ".length())).toList())
                + "]";
        yield Reply.json(200, array);
      }
      case "countTokens" ->
          Reply.json(
              200,
              "{\"totalTokens\": 8, \"promptTokensDetails\": [{\"modality\": \"TEXT\", \"tokenCount\": 8}]}");
      default -> envelope(404, "Requested entity was not found.", "NOT_FOUND");
    };
  }

  @Override
  public Reply error(int status) {
    return switch (status) {
      case 400 -> envelope(400, "Request contains an invalid argument.", "INVALID_ARGUMENT");
      case 429 ->
          envelope(
              429,
              "You exceeded your current quota, please check your plan and billing details.",
              "RESOURCE_EXHAUSTED");
      case 503 -> envelope(503, "The model is overloaded. Please try again later.", "UNAVAILABLE");
      default -> envelope(status, "An internal error has occurred.", "INTERNAL");
    };
  }

  private static Reply envelope(int status, String message, String code) {
    ObjectNode root = Payloads.JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", status);
    e.put("message", message);
    e.put("status", code);
    return Reply.json(status, root.toPrettyString());
  }
}
