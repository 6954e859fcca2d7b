package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.format.ErrorBodies;
import dev.agentgateway.proxy.llm.format.EventSink;
import dev.agentgateway.proxy.llm.guard.StreamingMasker;
import dev.agentgateway.proxy.llm.guard.StreamingResponseGuard;
import java.io.IOException;

/**
 * Runs a stream's text through the route's response guards on its way to the client: each text
 * delta goes through the guard, which holds back only what could still be the start of a match, so
 * a card number split across two events is masked. Held text goes out before the event that ends
 * the text (OpenAI: the chunk with a finish reason or {@code [DONE]}; Anthropic: {@code
 * content_block_stop}). A reject guard that matches ends the stream with an error event.
 */
final class GuardedSink implements EventSink {
  private final EventSink out;
  private final StreamingResponseGuard guard;
  private final ClientFormat format;
  private ObjectNode lastChunk;
  private int lastIndex;
  private boolean rejected;

  private GuardedSink(EventSink out, StreamingResponseGuard guard, ClientFormat format) {
    this.out = out;
    this.guard = guard;
    this.format = format;
  }

  /** {@code out} guarded, or {@code out} itself when no guard applies to this format. */
  static EventSink wrap(EventSink out, StreamingResponseGuard guard, ClientFormat format) {
    if (guard == null
        || (format != ClientFormat.OPENAI_CHAT && format != ClientFormat.ANTHROPIC_MESSAGES)) {
      return out;
    }
    return new GuardedSink(out, guard, format);
  }

  @Override
  public boolean open() {
    return !rejected && out.open();
  }

  @Override
  public void emit(String event, String data) {
    if (rejected) {
      return;
    }
    if (format == ClientFormat.OPENAI_CHAT) {
      openAi(event, data);
    } else {
      anthropic(event, data);
    }
  }

  private void openAi(String event, String data) {
    ObjectNode chunk = parse(data);
    JsonNode choice = chunk == null ? null : chunk.path("choices").path(0);
    boolean ends =
        chunk == null
            || !choice.path("finish_reason").isMissingNode()
                && !choice.path("finish_reason").isNull();
    JsonNode content = choice == null ? null : choice.path("delta").path("content");
    if (content != null && content.isTextual() && !ends) {
      lastChunk = chunk;
      StreamingMasker.Emit e = guard.push(content.asText());
      if (refused(e)) {
        return;
      }
      ((ObjectNode) choice.get("delta")).put("content", e.text());
      boolean onlyText = choice.get("delta").size() == 1;
      if (!e.text().isEmpty() || !onlyText) {
        out.emit(event, chunk.toString());
      }
      return;
    }
    if (ends) {
      flushOpenAi();
      if (rejected) {
        return;
      }
    }
    out.emit(event, data);
  }

  private void flushOpenAi() {
    StreamingMasker.Emit e = guard.finish();
    if (refused(e) || e.text().isEmpty() || lastChunk == null) {
      return;
    }
    ObjectNode held = lastChunk.deepCopy();
    ObjectNode choice = (ObjectNode) held.get("choices").get(0);
    choice.putObject("delta").put("content", e.text());
    choice.putNull("finish_reason");
    out.emit(null, held.toString());
  }

  private void anthropic(String event, String data) {
    if ("content_block_delta".equals(event)) {
      ObjectNode body = parse(data);
      JsonNode delta = body == null ? null : body.path("delta");
      if (delta != null && "text_delta".equals(delta.path("type").asText())) {
        lastIndex = body.path("index").asInt();
        StreamingMasker.Emit e = guard.push(delta.path("text").asText());
        if (refused(e)) {
          return;
        }
        if (!e.text().isEmpty()) {
          ((ObjectNode) delta).put("text", e.text());
          out.emit(event, body.toString());
        }
        return;
      }
    }
    if ("content_block_stop".equals(event) || "message_delta".equals(event)) {
      StreamingMasker.Emit e = guard.finish();
      if (refused(e)) {
        return;
      }
      if (!e.text().isEmpty()) {
        ObjectNode flush = Answers.JSON.createObjectNode();
        flush.put("type", "content_block_delta");
        flush.put("index", lastIndex);
        flush.putObject("delta").put("type", "text_delta").put("text", e.text());
        out.emit("content_block_delta", flush.toString());
      }
    }
    out.emit(event, data);
  }

  /** On a reject guard's match: one error event in the client's format, and nothing after it. */
  private boolean refused(StreamingMasker.Emit e) {
    if (!e.rejected()) {
      return false;
    }
    rejected = true;
    String message =
        guard.rejection() == null
            ? "the response was refused by a guard"
            : guard.rejection().body();
    if (format == ClientFormat.ANTHROPIC_MESSAGES) {
      out.emit("error", ErrorBodies.anthropic("invalid_request_error", message).toString());
    } else {
      out.emit(null, ErrorBodies.openAi("invalid_request_error", message, null).toString());
    }
    return true;
  }

  private static ObjectNode parse(String data) {
    if (data == null || data.isEmpty() || data.charAt(0) != '{') {
      return null;
    }
    try {
      return Answers.JSON.readTree(data) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }
}
