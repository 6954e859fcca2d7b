package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates Bedrock ConverseStream events into OpenAI chat chunks: {@code messageStart} gives the
 * role chunk, block deltas become content and {@code tool_calls} deltas, {@code messageStop} the
 * finish reason, and the closing {@code metadata} event the usage chunk (when asked) and {@code
 * [DONE]}. Exception events end the stream with an OpenAI error.
 */
public final class BedrockToChatStream extends ToChatStream {
  private final Map<Integer, Integer> toolIndex = new HashMap<>();

  public BedrockToChatStream(StreamContext context, StreamListener listener) {
    super(context, listener);
  }

  @Override
  void handle(String type, String data, EventSink out) {
    if (type.endsWith("Exception") || type.equals("exception") || type.equals("error")) {
      JsonNode error = Json.parse(data, "Bedrock exception");
      String message = Json.text(error, "message");
      if (message == null) {
        message = Json.text(error, "Message");
      }
      providerError(ProviderErrors.openAiTypeForBedrock(type), message, out);
      return;
    }
    switch (type) {
      case "messageStart" -> role(out);
      case "contentBlockStart" -> {
        JsonNode event = Json.parse(data, "contentBlockStart");
        JsonNode use = event.path("start").path("toolUse");
        if (!use.isMissingNode()) {
          output();
          int index = toolIndex.size();
          toolIndex.put(event.path("contentBlockIndex").asInt(), index);
          delta(
              ChatResponses.toolCallDelta(
                  index,
                  Json.text(use, "toolUseId"),
                  context.toolNames().toClient(Json.text(use, "name")),
                  ""),
              out);
        }
      }
      case "contentBlockDelta" -> blockDelta(Json.parse(data, "contentBlockDelta"), out);
      case "contentBlockStop" -> {}
      case "messageStop" ->
          finish(
              StopReasons.bedrockToOpenAi(Json.text(Json.parse(data, "messageStop"), "stopReason")),
              out);
      case "metadata" -> {
        usage(UsageReader.bedrock(Json.parse(data, "metadata").get("usage")));
        if (finished) {
          done(out);
        }
      }
      default -> {}
    }
  }

  private void blockDelta(JsonNode event, EventSink out) {
    JsonNode delta = event.path("delta");
    if (delta.has("text")) {
      output();
      delta(Json.object().put("content", Json.text(delta, "text")), out);
    } else if (delta.has("toolUse")) {
      Integer index = toolIndex.get(event.path("contentBlockIndex").asInt());
      String input = Json.text(delta.get("toolUse"), "input");
      if (index != null && input != null && !input.isEmpty()) {
        delta(ChatResponses.toolCallDelta(index, null, null, input), out);
      }
    } else if (delta.has("reasoningContent")) {
      String text = Json.text(delta.get("reasoningContent"), "text");
      if (text != null && !text.isEmpty()) {
        output();
        delta(Json.object().put("reasoning_content", text), out);
      }
    }
  }
}
