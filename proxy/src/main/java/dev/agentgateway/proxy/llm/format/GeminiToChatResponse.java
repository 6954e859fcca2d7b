package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates a Gemini {@code generateContent} answer into an OpenAI chat completion. */
public final class GeminiToChatResponse {
  private GeminiToChatResponse() {}

  /**
   * @param fallbackModel used when the answer has no {@code modelVersion}
   */
  public static ObjectNode translate(JsonNode answer, String fallbackModel) {
    JsonNode candidate = answer.path("candidates").path(0);
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    ArrayNode calls = Json.array();
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (part.has("functionCall")) {
        calls.add(toolCall(part, calls.size()));
      } else if (part.has("text")) {
        (part.path("thought").asBoolean(false) ? reasoning : text).append(Json.text(part, "text"));
      }
    }
    ObjectNode message = ChatResponses.message(text.toString(), calls);
    if (!reasoning.isEmpty()) {
      message.put("reasoning_content", reasoning.toString());
    }
    String model = Json.text(answer, "modelVersion");
    String id = Json.text(answer, "responseId");
    String finish = Json.text(candidate, "finishReason");
    if (finish == null && candidate.isMissingNode() && answer.has("promptFeedback")) {
      finish = "SAFETY"; // the prompt itself was blocked
    }
    return ChatResponses.completion(
        id == null ? ChatResponses.newId() : id,
        model == null ? fallbackModel : model,
        message,
        StopReasons.geminiToOpenAi(finish, !calls.isEmpty()),
        UsageReader.gemini(answer.get("usageMetadata")));
  }

  /**
   * A tool call from a {@code functionCall} part; Gemini's id when it gives one, else a generated
   * one, with any thought signature appended so it returns with the tool result.
   */
  static ObjectNode toolCall(JsonNode part, int index) {
    JsonNode call = part.get("functionCall");
    String id = Json.text(call, "id");
    if (id == null) {
      id =
          "call_"
              + index
              + "_"
              + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }
    String signature = Json.text(part, "thoughtSignature");
    if (signature != null) {
      id = id + ChatToGeminiRequest.THOUGHT_MARKER + signature;
    }
    JsonNode args = call.get("args");
    return ChatResponses.toolCall(
        id, Json.text(call, "name"), args == null || args.isNull() ? "{}" : Json.write(args));
  }
}
