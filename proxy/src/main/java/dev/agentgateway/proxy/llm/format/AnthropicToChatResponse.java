package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates an Anthropic Messages answer into an OpenAI chat completion. */
public final class AnthropicToChatResponse {
  private AnthropicToChatResponse() {}

  /**
   * @param fallbackModel used when the answer names no model
   */
  public static ObjectNode translate(JsonNode answer, String fallbackModel) {
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    ArrayNode calls = Json.array();
    for (JsonNode block : answer.path("content")) {
      switch (String.valueOf(Json.text(block, "type"))) {
        case "text" -> text.append(Json.text(block, "text"));
        case "thinking" -> reasoning.append(Json.text(block, "thinking"));
        case "tool_use" -> {
          JsonNode input = block.get("input");
          calls.add(
              ChatResponses.toolCall(
                  Json.text(block, "id"),
                  Json.text(block, "name"),
                  input == null || input.isNull() ? "{}" : Json.write(input)));
        }
        default -> {
          // server-tool blocks and redacted thinking have no chat-completions form
        }
      }
    }
    ObjectNode message = ChatResponses.message(text.toString(), calls);
    if (!reasoning.isEmpty()) {
      // the field OpenAI-compatible servers (vLLM, DeepSeek) use for reasoning text
      message.put("reasoning_content", reasoning.toString());
    }
    String model = Json.text(answer, "model");
    String id = Json.text(answer, "id");
    return ChatResponses.completion(
        id == null ? ChatResponses.newId() : id,
        model == null ? fallbackModel : model,
        message,
        StopReasons.anthropicToOpenAi(Json.text(answer, "stop_reason")),
        UsageReader.anthropic(answer.get("usage")));
  }
}
