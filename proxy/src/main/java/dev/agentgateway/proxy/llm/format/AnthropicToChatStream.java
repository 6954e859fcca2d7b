package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates Anthropic Messages stream events into OpenAI chat chunks: {@code message_start} gives
 * the role chunk, text and tool-argument deltas become content and {@code tool_calls} deltas (tool
 * blocks numbered from 0 in order), {@code message_delta} the finish reason, {@code message_stop}
 * the usage chunk (when asked) and {@code [DONE]}.
 */
public final class AnthropicToChatStream extends ToChatStream {
  /** Anthropic content block index to OpenAI tool-call index. */
  private final Map<Integer, Integer> toolIndex = new HashMap<>();

  public AnthropicToChatStream(StreamContext context, StreamListener listener) {
    super(context, listener);
  }

  @Override
  void handle(String type, String data, EventSink out) {
    switch (type) {
      case "ping" -> {}
      case "message_start" -> {
        JsonNode message = Json.parse(data, "message_start").path("message");
        String messageId = Json.text(message, "id");
        if (messageId != null) {
          id = messageId;
        }
        String messageModel = Json.text(message, "model");
        if (messageModel != null) {
          model = messageModel;
        }
        usage(UsageReader.anthropic(message.get("usage")));
        role(out);
      }
      case "content_block_start" -> {
        JsonNode event = Json.parse(data, "content_block_start");
        JsonNode block = event.path("content_block");
        if ("tool_use".equals(Json.text(block, "type"))) {
          output();
          int index = toolIndex.size();
          toolIndex.put(event.path("index").asInt(), index);
          delta(
              ChatResponses.toolCallDelta(
                  index, Json.text(block, "id"), Json.text(block, "name"), ""),
              out);
        }
      }
      case "content_block_delta" -> blockDelta(Json.parse(data, "content_block_delta"), out);
      case "content_block_stop" -> {}
      case "message_delta" -> {
        JsonNode event = Json.parse(data, "message_delta");
        usage(UsageReader.anthropic(event.get("usage")));
        String reason = Json.text(event.path("delta"), "stop_reason");
        if (reason != null) {
          finish(StopReasons.anthropicToOpenAi(reason), out);
        }
      }
      case "message_stop" -> done(out);
      case "error" -> {
        JsonNode error = Json.parse(data, "error event").path("error");
        providerError(Json.text(error, "type"), Json.text(error, "message"), out);
      }
      default -> {
        // new event types are ignored, as Anthropic's versioning policy asks of clients
      }
    }
  }

  private void blockDelta(JsonNode event, EventSink out) {
    JsonNode delta = event.path("delta");
    switch (String.valueOf(Json.text(delta, "type"))) {
      case "text_delta" -> {
        output();
        delta(Json.object().put("content", Json.text(delta, "text")), out);
      }
      case "thinking_delta" -> {
        output();
        delta(Json.object().put("reasoning_content", Json.text(delta, "thinking")), out);
      }
      case "input_json_delta" -> {
        String partial = Json.text(delta, "partial_json");
        Integer index = toolIndex.get(event.path("index").asInt());
        if (index != null && partial != null && !partial.isEmpty()) {
          delta(ChatResponses.toolCallDelta(index, null, null, partial), out);
        }
      }
      default -> {
        // signature deltas and citations have no chat-completions form
      }
    }
  }
}
