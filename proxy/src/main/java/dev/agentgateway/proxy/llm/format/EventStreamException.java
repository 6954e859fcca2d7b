package dev.agentgateway.proxy.llm.format;

import java.io.IOException;

/** Malformed AWS event-stream framing: bad length, bad checksum, bad header, truncated frame. */
public final class EventStreamException extends IOException {
  public EventStreamException(String message) {
    super(message);
  }
}
