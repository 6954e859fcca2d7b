package dev.agentgateway.proxy.http.spi;

import dev.agentgateway.proxy.telemetry.RequestLog;
import io.helidon.http.Headers;
import java.util.List;

/**
 * Lets a backend protocol (A2A) watch one proxied exchange, and rewrite a small response body,
 * without taking over forwarding. The forwarder calls it on the request's thread; a tap must not
 * block, must not keep the arrays it is shown and must not throw (failures are its own to swallow).
 */
public interface ExchangeTap {
  /** Watches nothing. */
  ExchangeTap NONE = new ExchangeTap() {};

  /** How many request body bytes to read before forwarding, so {@link #requestBody} sees them. */
  default long requestPeekBytes() {
    return 0;
  }

  /**
   * The first {@code length} bytes of the request body, read before it is forwarded: all of it when
   * {@code complete}. Not called for a body larger than {@link #requestPeekBytes} with a declared
   * length.
   */
  default void requestBody(byte[] bytes, int length, boolean complete) {}

  /**
   * The response head arrived: returns the largest body to hold and pass to {@link
   * #rewriteResponse}, or 0 to stream it through {@link #responseBytes}.
   */
  default int responseStarted(int status, Headers headers) {
    return 0;
  }

  /** The whole (held) response body; returns its replacement, or {@code null} to keep it. */
  default byte[] rewriteResponse(byte[] body) {
    return null;
  }

  /** Streamed response body bytes, as they pass to the client. */
  default void responseBytes(byte[] bytes, int offset, int length) {}

  /** The backend protocol: the access log's {@code protocol} field, the metrics' label. */
  default String protocol() {
    return "http";
  }

  /** Fields for the access log line, read once the exchange ended. */
  default List<RequestLog.Field> logFields() {
    return List.of();
  }
}
