package dev.agentgateway.proxy.llm.format;

import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.mcp.upstream.http.SseEvent;
import dev.agentgateway.proxy.mcp.upstream.http.SseReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Pumps a provider's streamed body through a {@link StreamTranslator} into a client {@link
 * EventSink}, blocking, one event at a time: each provider event is parsed as soon as its last byte
 * arrives and its client events are written before the next read. Framing errors and I/O failures
 * end the client stream with an error event; nothing escapes to the caller but the usage.
 */
public final class StreamRelay {
  /** The largest single provider event accepted (same cap as an event-stream frame). */
  public static final int MAX_EVENT_BYTES = EventStreamReader.DEFAULT_MAX_FRAME_BYTES;

  private StreamRelay() {}

  /**
   * Relays until the provider's stream ends, the translator completes or the client goes away.
   *
   * @param provider decides the framing: SSE, or AWS event-stream for Bedrock
   * @return the usage seen, also when the stream was cut
   */
  public static TokenUsage relay(
      InputStream upstream, ProviderFormat provider, StreamTranslator translator, EventSink out) {
    try {
      if (provider.eventStreamFraming()) {
        relayEventStream(new EventStreamReader(upstream), translator, out);
      } else {
        relaySse(new SseReader(upstream, MAX_EVENT_BYTES), translator, out);
      }
    } catch (IOException | UncheckedIOException e) {
      // the message names the framing problem (checksum, length), never upstream content
      translator.onFailure("reading the provider's stream failed: " + e.getMessage(), out);
    }
    return translator.usage();
  }

  private static void relaySse(SseReader reader, StreamTranslator translator, EventSink out)
      throws IOException {
    while (out.open() && !translator.completed()) {
      SseEvent event = reader.next();
      if (event == null) {
        translator.onEnd(out);
        return;
      }
      translator.onEvent(event.type(), event.data(), out);
    }
  }

  private static void relayEventStream(
      EventStreamReader reader, StreamTranslator translator, EventSink out) throws IOException {
    while (out.open() && !translator.completed()) {
      EventStreamMessage message = reader.next();
      if (message == null) {
        translator.onEnd(out);
        return;
      }
      translator.onEvent(message.type(), message.payloadText(), out);
    }
  }
}
