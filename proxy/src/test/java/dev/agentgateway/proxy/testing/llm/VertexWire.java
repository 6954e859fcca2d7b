package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vertex AI: Gemini models at {@code /v1/projects/{p}/locations/{l}/publishers/google/models/
 * {model}:generateContent} (and {@code :streamGenerateContent?alt=sse}), Claude models at {@code
 * .../publishers/anthropic/models/{model}:rawPredict} (and {@code :streamRawPredict}) with
 * Anthropic's body minus the model and plus {@code anthropic_version: vertex-2023-10-16}; a Bearer
 * token is required. The answers are Gemini's and Anthropic's own.
 */
final class VertexWire implements ProviderWire {
  private static final Pattern PATH =
      Pattern.compile(
          "/v1/projects/[^/]+/locations/[^/]+/publishers/(google|anthropic)/models/([^/:]+):(\\w+)");
  private final GeminiWire gemini = new GeminiWire();
  private final AnthropicWire anthropic = new AnthropicWire();

  @Override
  public Reply answer(RecordedRequest r) {
    String bearer = r.header("authorization");
    if (bearer == null || !bearer.startsWith("Bearer ") || bearer.length() <= 7) {
      return gemini.error(401);
    }
    Matcher m = PATH.matcher(r.path());
    if (!r.method().equals("POST") || !m.matches()) {
      return gemini.error(404);
    }
    String model = m.group(2);
    String method = m.group(3);
    Map<String, List<String>> headers = new HashMap<>(r.headers());
    if (m.group(1).equals("google")) {
      headers.put("x-goog-api-key", List.of(bearer.substring(7)));
      return gemini.answer(
          new RecordedRequest(
              "POST", "/v1beta/models/" + model + ":" + method, r.query(), headers, r.body()));
    }
    JsonNode body = Payloads.parse(r.body());
    if (!(body instanceof ObjectNode object)
        || body.has("model")
        || !"vertex-2023-10-16".equals(ProviderWire.text(body, "anthropic_version"))) {
      return anthropic.error(400);
    }
    boolean stream = object.path("stream").asBoolean(false);
    if (stream != method.equals("streamRawPredict")) {
      return anthropic.error(400);
    }
    object.remove("anthropic_version");
    object.put("model", model);
    headers.put("anthropic-version", List.of("2023-06-01"));
    return anthropic.answer(
        new RecordedRequest(
            "POST",
            "/v1/messages",
            null,
            headers,
            object.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Reply error(int status) {
    return gemini.error(status);
  }
}
