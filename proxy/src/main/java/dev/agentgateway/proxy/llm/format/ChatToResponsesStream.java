package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates OpenAI chat chunks into OpenAI Responses stream events: {@code response.created}, an
 * output item per message or function call ({@code output_item.added}, text or argument deltas, the
 * {@code .done} events), then {@code response.completed} with usage. The Responses format repeats
 * every item whole in its {@code .done} events and in {@code response.completed}, so the answer's
 * text and arguments are kept as they stream (only the answer, never the raw stream).
 */
public final class ChatToResponsesStream extends BaseStreamTranslator {
  private final StreamContext context;
  private final String responseId = "resp_" + ChatResponses.newId().substring(9);
  private final long created = ChatResponses.now();
  private String model;
  private int sequence;
  private boolean started;
  private final ArrayNode output = Json.array();

  /** The open message item, or null. */
  private ObjectNode message;

  private StringBuilder text;

  /** Open function-call items by chat tool index. */
  private final Map<Integer, ObjectNode> calls = new HashMap<>();

  private final Map<Integer, StringBuilder> arguments = new HashMap<>();
  private String finish;

  public ChatToResponsesStream(StreamContext context, StreamListener listener) {
    super(listener);
    this.context = context;
    this.model = context.model();
  }

  @Override
  void handle(String type, String data, EventSink out) {
    if (ToChatStream.DONE.equals(data)) {
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
      String chunkModel = Json.text(chunk, "model");
      if (chunkModel != null) {
        model = chunkModel;
      }
      start(out);
    }
    if (Json.has(chunk, "usage")) {
      usage(UsageReader.openAi(chunk.get("usage")));
    }
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode delta = choice.path("delta");
    String content = Json.text(delta, "content");
    if (content != null && !content.isEmpty()) {
      output();
      textDelta(content, out);
    }
    for (JsonNode call : delta.path("tool_calls")) {
      toolCall(call, out);
    }
    String reason = Json.text(choice, "finish_reason");
    if (reason != null) {
      finish = reason;
      closeAll(out);
    }
    if (finish != null && Json.has(chunk, "usage")) {
      end(out);
    }
  }

  private void start(EventSink out) {
    started = true;
    emit("response.created", Json.object().set("response", response("in_progress")), out);
    emit("response.in_progress", Json.object().set("response", response("in_progress")), out);
  }

  private void textDelta(String content, EventSink out) {
    if (message == null) {
      message = Json.object();
      message.put("id", "msg_" + responseId.substring(5));
      message.put("type", "message");
      message.put("status", "in_progress");
      message.put("role", "assistant");
      message.putArray("content");
      text = new StringBuilder();
      output.add(message);
      added(message, out);
      ObjectNode part = itemEvent(message).put("content_index", 0);
      part.set("part", textPart(""));
      emit("response.content_part.added", part, out);
    }
    text.append(content);
    emit(
        "response.output_text.delta",
        itemEvent(message).put("content_index", 0).put("delta", content),
        out);
  }

  private void toolCall(JsonNode call, EventSink out) {
    int index = call.path("index").asInt(0);
    JsonNode function = call.path("function");
    ObjectNode item = calls.get(index);
    if (item == null) {
      output();
      closeMessage(out);
      String callId = Json.text(call, "id");
      item = Json.object();
      item.put("id", "fc_" + (callId == null ? responseId.substring(5) + "_" + index : callId));
      item.put("type", "function_call");
      item.put("status", "in_progress");
      item.put("call_id", callId);
      item.put("name", Json.text(function, "name"));
      item.put("arguments", "");
      calls.put(index, item);
      arguments.put(index, new StringBuilder());
      output.add(item);
      added(item, out);
    }
    String args = Json.text(function, "arguments");
    if (args != null && !args.isEmpty()) {
      arguments.get(index).append(args);
      emit("response.function_call_arguments.delta", itemEvent(item).put("delta", args), out);
    }
  }

  private void closeMessage(EventSink out) {
    if (message == null) {
      return;
    }
    String full = text.toString();
    emit(
        "response.output_text.done",
        itemEvent(message).put("content_index", 0).put("text", full),
        out);
    ObjectNode part = itemEvent(message).put("content_index", 0);
    part.set("part", textPart(full));
    emit("response.content_part.done", part, out);
    ((ArrayNode) message.get("content")).add(textPart(full));
    message.put("status", "completed");
    done(message, out);
    message = null;
  }

  private void closeAll(EventSink out) {
    closeMessage(out);
    for (Map.Entry<Integer, ObjectNode> e : calls.entrySet()) {
      ObjectNode item = e.getValue();
      String args = arguments.get(e.getKey()).toString();
      item.put("arguments", args.isEmpty() ? "{}" : args);
      item.put("status", "completed");
      emit(
          "response.function_call_arguments.done",
          itemEvent(item).put("arguments", item.get("arguments").asText()),
          out);
      done(item, out);
    }
    calls.clear();
  }

  private void end(EventSink out) {
    if (!started) {
      start(out);
    }
    closeAll(out);
    boolean truncated = "length".equals(finish);
    ObjectNode response = response(truncated ? "incomplete" : "completed");
    if (truncated) {
      response.putObject("incomplete_details").put("reason", "max_output_tokens");
    }
    response.set("usage", ChatToResponsesResponse.usage(usage()));
    emit(
        truncated ? "response.incomplete" : "response.completed",
        Json.object().set("response", response),
        out);
    complete();
  }

  private ObjectNode response(String status) {
    ObjectNode r = Json.object();
    r.put("id", responseId);
    r.put("object", "response");
    r.put("created_at", created);
    r.put("status", status);
    r.put("model", model == null ? context.model() : model);
    r.set("output", output.deepCopy());
    r.putNull("usage");
    return r;
  }

  private ObjectNode itemEvent(ObjectNode item) {
    ObjectNode e = Json.object();
    e.put("item_id", item.get("id").asText());
    e.put("output_index", indexOf(item));
    return e;
  }

  private int indexOf(ObjectNode item) {
    for (int i = 0; i < output.size(); i++) {
      if (output.get(i) == item) {
        return i;
      }
    }
    return -1;
  }

  private void added(ObjectNode item, EventSink out) {
    ObjectNode e = Json.object().put("output_index", indexOf(item));
    e.set("item", item.deepCopy());
    emit("response.output_item.added", e, out);
  }

  private void done(ObjectNode item, EventSink out) {
    ObjectNode e = Json.object().put("output_index", indexOf(item));
    e.set("item", item.deepCopy());
    emit("response.output_item.done", e, out);
  }

  private static ObjectNode textPart(String text) {
    ObjectNode part = Json.object().put("type", "output_text").put("text", text);
    part.putArray("annotations");
    return part;
  }

  /**
   * Every Responses event names its type in the event line and the data, with a sequence number.
   */
  private void emit(String type, ObjectNode body, EventSink out) {
    ObjectNode event = Json.object().put("type", type).put("sequence_number", sequence++);
    event.setAll(body);
    out.emit(type, Json.write(event));
  }

  @Override
  void emitError(String type, String message, EventSink out) {
    ObjectNode event = Json.object().put("type", "error").put("sequence_number", sequence++);
    event.put(
        "code", type == null ? "server_error" : type.equals("api_error") ? "server_error" : type);
    event.put("message", message);
    event.putNull("param");
    out.emit("error", Json.write(event));
  }

  @Override
  boolean finishAtEof(EventSink out) {
    if (finish == null) {
      return false;
    }
    end(out);
    return true;
  }
}
