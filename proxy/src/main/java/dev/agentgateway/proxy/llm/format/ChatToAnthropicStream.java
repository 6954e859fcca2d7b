package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates OpenAI chat chunks into Anthropic Messages stream events: {@code message_start} on the
 * first chunk, a content block per run of text, reasoning or per tool call ({@code
 * content_block_start}, deltas, {@code content_block_stop}), then {@code message_delta} with the
 * stop reason and usage and {@code message_stop}. OpenAI reports usage after the finish reason, so
 * the closing events wait for the usage chunk or {@code [DONE]}.
 */
public final class ChatToAnthropicStream extends ToAnthropicStream {
  private static final int NONE = 0;
  private static final int TEXT = 1;
  private static final int THINKING = 2;
  private static final int TOOL = 3;

  private final StreamContext context;
  private boolean started;
  private int nextBlock;
  private int openBlock = -1;
  private int openKind = NONE;

  /** OpenAI tool-call index to Anthropic block index. */
  private final Map<Integer, Integer> toolBlocks = new HashMap<>();

  private String stopReason;

  public ChatToAnthropicStream(StreamContext context, StreamListener listener) {
    super(listener);
    this.context = context;
  }

  @Override
  void handle(String type, String data, EventSink out) {
    if (ToChatStream.DONE.equals(data)) {
      if (!started) {
        start(null, out);
      }
      end(out);
      return;
    }
    JsonNode chunk = Json.parse(data, "chat chunk");
    if (chunk.has("error")) {
      JsonNode error = chunk.get("error");
      failWith(Json.text(error, "type"), Json.text(error, "message"), out);
      return;
    }
    if (!started) {
      start(chunk, out);
    }
    if (Json.has(chunk, "usage")) {
      usage(UsageReader.openAi(chunk.get("usage")));
    }
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode delta = choice.path("delta");
    String reasoning = Json.text(delta, "reasoning_content");
    if (reasoning != null && !reasoning.isEmpty()) {
      output();
      ensureBlock(THINKING, out);
      blockDelta("thinking_delta", "thinking", reasoning, out);
    }
    String text = Json.text(delta, "content");
    if (text != null && !text.isEmpty()) {
      output();
      ensureBlock(TEXT, out);
      blockDelta("text_delta", "text", text, out);
    }
    for (JsonNode call : delta.path("tool_calls")) {
      toolCall(call, out);
    }
    String finish = Json.text(choice, "finish_reason");
    if (finish != null) {
      closeBlock(out);
      stopReason = StopReasons.openAiToAnthropic(finish);
    }
    // the usage-only chunk after the finish reason closes the message
    if (stopReason != null && Json.has(chunk, "usage")) {
      end(out);
    }
  }

  private void start(JsonNode chunk, EventSink out) {
    started = true;
    ObjectNode event = Json.object().put("type", "message_start");
    ObjectNode message = event.putObject("message");
    String id = chunk == null ? null : Json.text(chunk, "id");
    message.put("id", id == null ? "msg_" + ChatResponses.newId().substring(9) : id);
    message.put("type", "message");
    message.put("role", "assistant");
    String model = chunk == null ? null : Json.text(chunk, "model");
    message.put("model", model == null ? context.model() : model);
    message.putArray("content");
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    // OpenAI reports usage only at the end; message_delta carries the real counts
    message.set("usage", UsageWriter.anthropic(usage()));
    out.emit("message_start", Json.write(event));
  }

  private void toolCall(JsonNode call, EventSink out) {
    int index = call.path("index").asInt(0);
    JsonNode function = call.path("function");
    Integer block = toolBlocks.get(index);
    if (block == null) {
      output();
      closeBlock(out);
      block = nextBlock++;
      toolBlocks.put(index, block);
      openBlock = block;
      openKind = TOOL;
      ObjectNode event = Json.object().put("type", "content_block_start").put("index", block);
      ObjectNode content = event.putObject("content_block");
      content.put("type", "tool_use");
      String id = Json.text(call, "id");
      content.put("id", id == null ? "toolu_" + index : id);
      content.put("name", Json.text(function, "name"));
      content.putObject("input");
      out.emit("content_block_start", Json.write(event));
    }
    String arguments = Json.text(function, "arguments");
    if (arguments != null && !arguments.isEmpty()) {
      ObjectNode event = Json.object().put("type", "content_block_delta").put("index", block);
      event.putObject("delta").put("type", "input_json_delta").put("partial_json", arguments);
      out.emit("content_block_delta", Json.write(event));
    }
  }

  private void ensureBlock(int kind, EventSink out) {
    if (openKind == kind) {
      return;
    }
    closeBlock(out);
    openBlock = nextBlock++;
    openKind = kind;
    ObjectNode event = Json.object().put("type", "content_block_start").put("index", openBlock);
    ObjectNode content = event.putObject("content_block");
    if (kind == TEXT) {
      content.put("type", "text").put("text", "");
    } else {
      content.put("type", "thinking").put("thinking", "");
    }
    out.emit("content_block_start", Json.write(event));
  }

  private void blockDelta(String type, String field, String value, EventSink out) {
    ObjectNode event = Json.object().put("type", "content_block_delta").put("index", openBlock);
    event.putObject("delta").put("type", type).put(field, value);
    out.emit("content_block_delta", Json.write(event));
  }

  private void closeBlock(EventSink out) {
    if (openKind == NONE) {
      return;
    }
    out.emit(
        "content_block_stop",
        Json.write(Json.object().put("type", "content_block_stop").put("index", openBlock)));
    openKind = NONE;
    openBlock = -1;
  }

  private void end(EventSink out) {
    closeBlock(out);
    ObjectNode event = Json.object().put("type", "message_delta");
    event
        .putObject("delta")
        .put("stop_reason", stopReason == null ? "end_turn" : stopReason)
        .putNull("stop_sequence");
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
}
