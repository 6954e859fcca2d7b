package dev.agentgateway.proxy.llm.format;

/**
 * Relays Anthropic stream events unchanged to an Anthropic client while reading usage ({@code
 * message_start}, {@code message_delta}) and the first output; only those events are parsed.
 */
public final class AnthropicPassthroughStream extends ToAnthropicStream {
  public AnthropicPassthroughStream(StreamListener listener) {
    super(listener);
  }

  @Override
  void handle(String type, String data, EventSink out) {
    switch (type) {
      case "message_start" ->
          usage(
              UsageReader.anthropic(
                  Json.parse(data, "message_start").path("message").get("usage")));
      case "message_delta" ->
          usage(UsageReader.anthropic(Json.parse(data, "message_delta").get("usage")));
      // a text block starts empty: the first delta is the first token
      case "content_block_delta" -> output();
      default -> {}
    }
    out.emit(type, data);
    if ("message_stop".equals(type)) {
      complete();
    } else if ("error".equals(type)) {
      failWith(null, null, (e, d) -> {});
    }
  }

  @Override
  boolean finishAtEof(EventSink out) {
    return false;
  }
}
