package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Translates Bedrock ConverseStream events into Anthropic Messages stream events. Converse starts
 * tool blocks explicitly but text and reasoning blocks implicitly with their first delta, so a
 * block start is emitted when a block index is first seen; the closing {@code message_delta} and
 * {@code message_stop} follow the {@code metadata} event that carries usage.
 */
public final class BedrockToAnthropicStream extends ToAnthropicStream {
  private final StreamContext context;
  private final Set<Integer> started = new HashSet<>();
  private String stopReason;

  public BedrockToAnthropicStream(StreamContext context, StreamListener listener) {
    super(listener);
    this.context = context;
  }

  @Override
  void handle(String type, String data, EventSink out) {
    if (type.endsWith("Exception") || type.equals("exception") || type.equals("error")) {
      JsonNode error = Json.parse(data, "Bedrock exception");
      String message = Json.text(error, "message");
      failWith(
          anthropicType(type), message == null ? "the provider reported an error" : message, out);
      return;
    }
    switch (type) {
      case "messageStart" -> {
        ObjectNode event = Json.object().put("type", "message_start");
        ObjectNode message = event.putObject("message");
        message.put("id", "msg_" + ChatResponses.newId().substring(9));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", context.model());
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", UsageWriter.anthropic(usage()));
        out.emit("message_start", Json.write(event));
      }
      case "contentBlockStart" -> {
        JsonNode event = Json.parse(data, "contentBlockStart");
        JsonNode use = event.path("start").path("toolUse");
        if (!use.isMissingNode()) {
          output();
          int index = event.path("contentBlockIndex").asInt();
          started.add(index);
          ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
          ObjectNode block = start.putObject("content_block").put("type", "tool_use");
          block.put("id", Json.text(use, "toolUseId"));
          block.put("name", context.toolNames().toClient(Json.text(use, "name")));
          block.putObject("input");
          out.emit("content_block_start", Json.write(start));
        }
      }
      case "contentBlockDelta" -> blockDelta(Json.parse(data, "contentBlockDelta"), out);
      case "contentBlockStop" -> {
        int index = Json.parse(data, "contentBlockStop").path("contentBlockIndex").asInt();
        out.emit("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
      }
      case "messageStop" ->
          stopReason =
              StopReasons.bedrockToAnthropic(
                  Json.text(Json.parse(data, "messageStop"), "stopReason"));
      case "metadata" -> {
        usage(UsageReader.bedrock(Json.parse(data, "metadata").get("usage")));
        if (stopReason != null) {
          end(out);
        }
      }
      default -> {}
    }
  }

  private void blockDelta(JsonNode event, EventSink out) {
    int index = event.path("contentBlockIndex").asInt();
    JsonNode delta = event.path("delta");
    ObjectNode d = Json.object();
    if (delta.has("text")) {
      output();
      begin(index, "text", out);
      d.put("type", "text_delta").put("text", Json.text(delta, "text"));
    } else if (delta.has("toolUse")) {
      String input = Json.text(delta.get("toolUse"), "input");
      if (input == null || input.isEmpty()) {
        return;
      }
      d.put("type", "input_json_delta").put("partial_json", input);
    } else if (delta.has("reasoningContent")) {
      JsonNode r = delta.get("reasoningContent");
      begin(index, "thinking", out);
      if (r.has("text")) {
        output();
        d.put("type", "thinking_delta").put("thinking", Json.text(r, "text"));
      } else if (r.has("signature")) {
        d.put("type", "signature_delta").put("signature", Json.text(r, "signature"));
      } else {
        return;
      }
    } else {
      return;
    }
    ObjectNode e = Json.object().put("type", "content_block_delta").put("index", index);
    e.set("delta", d);
    out.emit("content_block_delta", Json.write(e));
  }

  private void begin(int index, String kind, EventSink out) {
    if (started.add(index)) {
      ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
      ObjectNode block = start.putObject("content_block").put("type", kind);
      block.put(kind.equals("text") ? "text" : "thinking", "");
      out.emit("content_block_start", Json.write(start));
    }
  }

  private void end(EventSink out) {
    ObjectNode event = Json.object().put("type", "message_delta");
    event.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
    event.set("usage", UsageWriter.anthropic(usage()));
    out.emit("message_delta", Json.write(event));
    out.emit("message_stop", "{\"type\":\"message_stop\"}");
    complete();
  }

  @Override
  boolean finishAtEof(EventSink out) {
    if (stopReason == null) {
      return false;
    }
    end(out);
    return true;
  }

  private static String anthropicType(String exception) {
    String e = exception.toLowerCase(Locale.ROOT);
    if (e.startsWith("throttling") || e.startsWith("servicequotaexceeded")) {
      return "rate_limit_error";
    }
    if (e.startsWith("validation")) {
      return "invalid_request_error";
    }
    if (e.startsWith("serviceunavailable") || e.startsWith("modelnotready")) {
      return "overloaded_error";
    }
    return "api_error";
  }
}
