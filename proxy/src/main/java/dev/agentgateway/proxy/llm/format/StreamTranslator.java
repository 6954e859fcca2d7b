package dev.agentgateway.proxy.llm.format;

import dev.agentgateway.proxy.llm.TokenUsage;

/**
 * Translates one streamed answer, one provider event at a time, into client events emitted at once
 * (nothing is buffered beyond the current event). One instance per stream, used by one thread.
 *
 * <p>Exactly one of {@link #onEnd} or {@link #onFailure} ends the stream. After the provider's
 * terminal event the client stream is complete; if the provider stops before that (a cut stream),
 * {@code onEnd} emits an error event in the client's format instead of a normal end.
 */
public interface StreamTranslator {
  /**
   * One provider event.
   *
   * @param type the SSE event name ({@code message} when unnamed) or the event-stream {@code
   *     :event-type} / {@code :exception-type}
   * @param data the event's payload (JSON, or OpenAI's {@code [DONE]})
   */
  void onEvent(String type, String data, EventSink out);

  /** The provider's stream ended (EOF). */
  void onEnd(EventSink out);

  /** Reading the provider failed (I/O error, bad framing); ends the client stream with an error. */
  void onFailure(String reason, EventSink out);

  /** Usage so far (the last counts seen, also when the stream was cut). */
  TokenUsage usage();

  /** True once any output token arrived. */
  boolean outputStarted();

  /** True once the stream ended normally, after the provider's terminal event. */
  boolean completed();
}
