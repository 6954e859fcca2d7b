package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Relays OpenAI chat chunks unchanged to an OpenAI chat client while reading usage and the first
 * output from them; drops the usage-only chunk when the gateway, not the client, asked for it.
 */
public final class ChatPassthroughStream extends ToChatStream {
  public ChatPassthroughStream(StreamContext context, StreamListener listener) {
    super(context, listener);
  }

  @Override
  void handle(String type, String data, EventSink out) {
    if (DONE.equals(data)) {
      out.emit(null, DONE);
      complete();
      return;
    }
    JsonNode chunk = Json.parse(data, "chat chunk");
    if (chunk.has("error")) {
      out.emit(null, data);
      failWith(null, null, NO_OUTPUT);
      return;
    }
    JsonNode choices = chunk.path("choices");
    if (Json.has(chunk, "usage")) {
      usage(UsageReader.openAi(chunk.get("usage")));
      if (choices.isEmpty() && !context.clientWantsUsage()) {
        return; // the chunk the gateway asked for on its own behalf
      }
    }
    JsonNode choice = choices.path(0);
    if (!outputStarted()) {
      JsonNode delta = choice.path("delta");
      String text = Json.text(delta, "content");
      if ((text != null && !text.isEmpty())
          || delta.has("tool_calls")
          || Json.text(delta, "reasoning_content") != null) {
        output();
      }
    }
    if (Json.has(choice, "finish_reason")) {
      finished = true;
    }
    out.emit(null, data);
  }

  /** The provider's error event was already relayed as it came. */
  private static final EventSink NO_OUTPUT = (event, data) -> {};

  /**
   * Passthrough ends at EOF after a finish reason with {@code [DONE]}, as the provider should have.
   */
  @Override
  boolean finishAtEof(EventSink out) {
    if (!finished) {
      return false;
    }
    out.emit(null, DONE);
    complete();
    return true;
  }
}
