package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates Gemini {@code streamGenerateContent?alt=sse} chunks into OpenAI chat chunks. Gemini
 * sends whole function calls in one chunk and ends the stream right after the chunk with the finish
 * reason, so the usage chunk and {@code [DONE]} follow at EOF; usage is cumulative on every chunk.
 */
public final class GeminiToChatStream extends ToChatStream {
  private int tools;

  public GeminiToChatStream(StreamContext context, StreamListener listener) {
    super(context, listener);
  }

  @Override
  void handle(String type, String data, EventSink out) {
    JsonNode chunk = Json.parse(data, "Gemini stream chunk");
    if (chunk.has("error")) {
      JsonNode error = chunk.get("error");
      providerError(
          ProviderErrors.openAiTypeForStatus(error.path("code").asInt(500)),
          Json.text(error, "message"),
          out);
      return;
    }
    String responseId = Json.text(chunk, "responseId");
    if (responseId != null) {
      id = responseId;
    }
    String version = Json.text(chunk, "modelVersion");
    if (version != null) {
      model = version;
    }
    usage(UsageReader.gemini(chunk.get("usageMetadata")));
    JsonNode candidate = chunk.path("candidates").path(0);
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (part.has("functionCall")) {
        output();
        ObjectNode call = GeminiToChatResponse.toolCall(part, tools);
        JsonNode function = call.get("function");
        delta(
            ChatResponses.toolCallDelta(
                tools++,
                Json.text(call, "id"),
                Json.text(function, "name"),
                Json.text(function, "arguments")),
            out);
      } else if (part.has("text")) {
        String text = Json.text(part, "text");
        if (!text.isEmpty()) {
          output();
          boolean thought = part.path("thought").asBoolean(false);
          delta(Json.object().put(thought ? "reasoning_content" : "content", text), out);
        }
      }
    }
    String reason = Json.text(candidate, "finishReason");
    if (reason == null && candidate.isMissingNode() && chunk.has("promptFeedback")) {
      reason = "SAFETY"; // the prompt itself was blocked
    }
    if (reason != null && !finished) {
      finish(StopReasons.geminiToOpenAi(reason, tools > 0), out);
    }
  }
}
