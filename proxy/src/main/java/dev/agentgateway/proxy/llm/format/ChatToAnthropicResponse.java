package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates an OpenAI chat completion into an Anthropic Messages answer. */
public final class ChatToAnthropicResponse {
  private ChatToAnthropicResponse() {}

  /**
   * @param fallbackModel used when the answer names no model
   */
  public static ObjectNode translate(JsonNode completion, String fallbackModel) {
    JsonNode choice = completion.path("choices").path(0);
    JsonNode message = choice.path("message");
    ObjectNode out = Json.object();
    String id = Json.text(completion, "id");
    out.put("id", id == null ? "msg_" + ChatResponses.newId().substring(9) : id);
    out.put("type", "message");
    out.put("role", "assistant");
    String model = Json.text(completion, "model");
    out.put("model", model == null ? fallbackModel : model);
    ArrayNode content = out.putArray("content");
    String text = ChatRequests.text(message.get("content"));
    if (!text.isEmpty()) {
      content.addObject().put("type", "text").put("text", text);
    }
    JsonNode calls = message.get("tool_calls");
    if (calls != null) {
      for (int i = 0; i < calls.size(); i++) {
        JsonNode call = calls.get(i);
        ObjectNode use = content.addObject();
        use.put("type", "tool_use");
        use.put("id", Json.text(call, "id"));
        use.put("name", Json.text(call.path("function"), "name"));
        use.set(
            "input",
            Json.arguments(
                Json.text(call.path("function"), "arguments"),
                "choices[0].message.tool_calls[" + i + "].function.arguments"));
      }
    }
    String finish = Json.text(choice, "finish_reason");
    out.put("stop_reason", finish == null ? "end_turn" : StopReasons.openAiToAnthropic(finish));
    out.putNull("stop_sequence");
    out.set("usage", UsageWriter.anthropic(UsageReader.openAi(completion.get("usage"))));
    return out;
  }
}
