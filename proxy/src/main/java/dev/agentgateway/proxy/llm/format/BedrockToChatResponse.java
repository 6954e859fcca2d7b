package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates a Bedrock Converse answer into an OpenAI chat completion. */
public final class BedrockToChatResponse {
  private BedrockToChatResponse() {}

  /**
   * @param model the requested model: Converse answers do not name it
   * @param toolNames maps Bedrock's tool names back to the client's
   */
  public static ObjectNode translate(JsonNode answer, String model, BedrockToolNames toolNames) {
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    ArrayNode calls = Json.array();
    for (JsonNode block : answer.path("output").path("message").path("content")) {
      if (block.has("text")) {
        text.append(Json.text(block, "text"));
      } else if (block.has("toolUse")) {
        JsonNode use = block.get("toolUse");
        JsonNode input = use.get("input");
        calls.add(
            ChatResponses.toolCall(
                Json.text(use, "toolUseId"),
                toolNames.toClient(Json.text(use, "name")),
                input == null || input.isNull() ? "{}" : Json.write(input)));
      } else if (block.has("reasoningContent")) {
        String r = Json.text(block.path("reasoningContent").path("reasoningText"), "text");
        if (r != null) {
          reasoning.append(r);
        }
      }
    }
    ObjectNode message = ChatResponses.message(text.toString(), calls);
    if (!reasoning.isEmpty()) {
      message.put("reasoning_content", reasoning.toString());
    }
    return ChatResponses.completion(
        ChatResponses.newId(),
        model,
        message,
        StopReasons.bedrockToOpenAi(Json.text(answer, "stopReason")),
        UsageReader.bedrock(answer.get("usage")));
  }
}
