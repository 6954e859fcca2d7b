package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.TokenUsage;
import java.util.concurrent.ThreadLocalRandom;

/** Builds OpenAI chat completion objects and chunks, for the translators into that format. */
final class ChatResponses {
  private ChatResponses() {}

  /** An id for answers whose provider gives none (Bedrock). */
  static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "chatcmpl-" + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** A {@code chat.completion} with one choice whose message the caller fills. */
  static ObjectNode completion(
      String id, String model, ObjectNode message, String finish, TokenUsage usage) {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("object", "chat.completion");
    out.put("created", now());
    out.put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", finish == null ? "stop" : finish);
    out.set("usage", UsageWriter.openAi(usage));
    return out;
  }

  /** An assistant message with the given text (null content when empty and tools are called). */
  static ObjectNode message(String text, ArrayNode toolCalls) {
    ObjectNode message = Json.object().put("role", "assistant");
    if (text.isEmpty() && toolCalls != null && !toolCalls.isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", text);
    }
    message.putNull("refusal");
    if (toolCalls != null && !toolCalls.isEmpty()) {
      message.set("tool_calls", toolCalls);
    }
    return message;
  }

  static ObjectNode toolCall(String id, String name, String arguments) {
    ObjectNode call = Json.object().put("id", id).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return call;
  }

  /**
   * A {@code chat.completion.chunk} shell with one choice; returns the chunk, delta via {@link
   * #delta}.
   */
  static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finish) {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("object", "chat.completion.chunk");
    out.put("created", created);
    out.put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return out;
  }

  /** The final usage-only chunk: no choices, OpenAI's {@code include_usage} shape. */
  static ObjectNode usageChunk(String id, long created, String model, TokenUsage usage) {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("object", "chat.completion.chunk");
    out.put("created", created);
    out.put("model", model);
    out.putArray("choices");
    out.set("usage", UsageWriter.openAi(usage));
    return out;
  }

  /** A tool-call delta: {@code {"index":i,"id":..,"type":"function","function":{...}}}. */
  static ObjectNode toolCallDelta(int index, String id, String name, String arguments) {
    ObjectNode delta = Json.object();
    ObjectNode call = delta.putArray("tool_calls").addObject();
    call.put("index", index);
    if (id != null) {
      call.put("id", id);
      call.put("type", "function");
    }
    ObjectNode function = call.putObject("function");
    if (name != null) {
      function.put("name", name);
    }
    function.put("arguments", arguments == null ? "" : arguments);
    return delta;
  }
}
