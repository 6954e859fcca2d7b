package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates a Bedrock Converse answer into an Anthropic Messages answer. */
public final class BedrockToAnthropicResponse {
  private BedrockToAnthropicResponse() {}

  /**
   * @param model the requested model: Converse answers do not name it
   * @param toolNames maps Bedrock's tool names back to the client's
   */
  public static ObjectNode translate(JsonNode answer, String model, BedrockToolNames toolNames) {
    ObjectNode out = Json.object();
    out.put("id", "msg_" + ChatResponses.newId().substring(9));
    out.put("type", "message");
    out.put("role", "assistant");
    out.put("model", model);
    ArrayNode content = out.putArray("content");
    for (JsonNode block : answer.path("output").path("message").path("content")) {
      if (block.has("text")) {
        content.addObject().put("type", "text").put("text", Json.text(block, "text"));
      } else if (block.has("toolUse")) {
        JsonNode use = block.get("toolUse");
        ObjectNode t = content.addObject().put("type", "tool_use");
        t.put("id", Json.text(use, "toolUseId"));
        t.put("name", toolNames.toClient(Json.text(use, "name")));
        JsonNode input = use.get("input");
        t.set("input", input == null || input.isNull() ? Json.object() : input);
      } else if (block.has("reasoningContent")) {
        JsonNode reasoning = block.get("reasoningContent");
        if (reasoning.has("reasoningText")) {
          ObjectNode t = content.addObject().put("type", "thinking");
          t.put("thinking", Json.text(reasoning.get("reasoningText"), "text"));
          t.put("signature", Json.text(reasoning.get("reasoningText"), "signature"));
        } else if (reasoning.has("redactedContent")) {
          content
              .addObject()
              .put("type", "redacted_thinking")
              .put("data", Json.text(reasoning, "redactedContent"));
        }
      }
    }
    out.put("stop_reason", StopReasons.bedrockToAnthropic(Json.text(answer, "stopReason")));
    out.putNull("stop_sequence");
    out.set("usage", UsageWriter.anthropic(UsageReader.bedrock(answer.get("usage"))));
    return out;
  }
}
