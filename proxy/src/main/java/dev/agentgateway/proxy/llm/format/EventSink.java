package dev.agentgateway.proxy.llm.format;

/** Receives client-bound stream events from a {@link StreamTranslator}, one at a time. */
public interface EventSink {
  /**
   * One event.
   *
   * @param event the SSE event name (Anthropic names every event), or null for a data-only event
   *     (OpenAI)
   * @param data the event's data, one JSON document or {@code [DONE]}; never contains a newline
   */
  void emit(String event, String data);

  /** False once the client is gone, so the relay stops reading the provider. */
  default boolean open() {
    return true;
  }
}
