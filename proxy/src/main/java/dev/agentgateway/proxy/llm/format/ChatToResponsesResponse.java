package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.TokenUsage;

/** Translates an OpenAI chat completion into an OpenAI Responses answer. */
public final class ChatToResponsesResponse {
  private ChatToResponsesResponse() {}

  /**
   * @param fallbackModel used when the answer names no model
   */
  public static ObjectNode translate(JsonNode completion, String fallbackModel) {
    JsonNode choice = completion.path("choices").path(0);
    JsonNode message = choice.path("message");
    String suffix = ChatResponses.newId().substring(9);
    ObjectNode out = Json.object();
    out.put("id", "resp_" + suffix);
    out.put("object", "response");
    long created = completion.path("created").asLong(ChatResponses.now());
    out.put("created_at", created);
    String finish = Json.text(choice, "finish_reason");
    boolean truncated = "length".equals(finish);
    out.put("status", truncated ? "incomplete" : "completed");
    if (truncated) {
      out.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      out.putNull("incomplete_details");
    }
    out.putNull("error");
    String model = Json.text(completion, "model");
    out.put("model", model == null ? fallbackModel : model);
    ArrayNode output = out.putArray("output");
    String text = ChatRequests.text(message.get("content"));
    if (!text.isEmpty()) {
      ObjectNode item = output.addObject();
      item.put("type", "message");
      item.put("id", "msg_" + suffix);
      item.put("status", "completed");
      item.put("role", "assistant");
      ObjectNode part = item.putArray("content").addObject();
      part.put("type", "output_text").put("text", text);
      part.putArray("annotations");
    }
    JsonNode calls = message.get("tool_calls");
    if (calls != null) {
      for (JsonNode call : calls) {
        ObjectNode item = output.addObject();
        item.put("type", "function_call");
        item.put("id", "fc_" + Json.text(call, "id"));
        item.put("call_id", Json.text(call, "id"));
        item.put("name", Json.text(call.path("function"), "name"));
        String arguments = Json.text(call.path("function"), "arguments");
        item.put("arguments", arguments == null || arguments.isEmpty() ? "{}" : arguments);
        item.put("status", "completed");
      }
    }
    out.set("usage", usage(UsageReader.openAi(completion.get("usage"))));
    return out;
  }

  static ObjectNode usage(TokenUsage u) {
    ObjectNode usage = Json.object();
    usage.put("input_tokens", u.inputTokens());
    usage.putObject("input_tokens_details").put("cached_tokens", u.cachedInputTokens());
    usage.put("output_tokens", u.outputTokens());
    usage.putObject("output_tokens_details").put("reasoning_tokens", u.reasoningTokens());
    usage.put("total_tokens", u.total());
    return usage;
  }
}
