package dev.agentgateway.proxy.llm.format;

import dev.agentgateway.proxy.llm.TokenUsage;

/**
 * The state every stream translator shares: usage, first output, completion, and turning a
 * malformed provider event into a client error event rather than an exception.
 */
abstract class BaseStreamTranslator implements StreamTranslator {
  private final StreamListener listener;
  private TokenUsage usage = TokenUsage.NONE;
  private boolean outputStarted;
  private boolean completed;
  private boolean ended;

  BaseStreamTranslator(StreamListener listener) {
    this.listener = listener == null ? StreamListener.NONE : listener;
  }

  @Override
  public final void onEvent(String type, String data, EventSink out) {
    if (ended) {
      return;
    }
    try {
      handle(type, data, out);
    } catch (FormatException | ClassCastException | NullPointerException e) {
      // a garbled provider event: end the client stream with an error it can read
      fail("the provider sent a malformed stream event", out);
    }
  }

  @Override
  public final void onEnd(EventSink out) {
    if (ended) {
      return;
    }
    if (!finishAtEof(out)) {
      fail("the provider's stream ended before the answer was complete", out);
    }
    ended = true;
  }

  @Override
  public final void onFailure(String reason, EventSink out) {
    if (!ended) {
      fail(reason, out);
    }
  }

  @Override
  public final TokenUsage usage() {
    return usage;
  }

  @Override
  public final boolean outputStarted() {
    return outputStarted;
  }

  @Override
  public final boolean completed() {
    return completed;
  }

  /** Handles one provider event. */
  abstract void handle(String type, String data, EventSink out);

  /**
   * The provider's stream ended; emit what the client still needs and return true if the answer was
   * complete, false to end with an error.
   */
  abstract boolean finishAtEof(EventSink out);

  /** Emits the client-format error event. */
  abstract void emitError(String type, String message, EventSink out);

  final void fail(String message, EventSink out) {
    failWith("api_error", message, out);
  }

  /**
   * Ends the client stream with an error of the given type (the provider's own, when it sent one).
   */
  final void failWith(String type, String message, EventSink out) {
    emitError(type, message, out);
    ended = true;
  }

  /** Marks the answer complete; later events are ignored. */
  final void complete() {
    completed = true;
    ended = true;
  }

  final boolean isEnded() {
    return ended;
  }

  final void output() {
    if (!outputStarted) {
      outputStarted = true;
      listener.firstOutput();
    }
  }

  final void usage(TokenUsage latest) {
    TokenUsage merged = usage.merge(latest);
    if (!merged.equals(usage)) {
      usage = merged;
      listener.usage(merged);
    }
  }
}
