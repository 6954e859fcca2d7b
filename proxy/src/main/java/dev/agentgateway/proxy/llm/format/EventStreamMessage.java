package dev.agentgateway.proxy.llm.format;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One decoded AWS event-stream message.
 *
 * @param headers header values by name; non-string values in their decimal or text form
 * @param payload the payload bytes (JSON for Bedrock)
 */
public record EventStreamMessage(Map<String, String> headers, byte[] payload) {
  public EventStreamMessage {
    headers = Map.copyOf(headers);
  }

  /** {@code :message-type}: {@code event}, {@code exception} or {@code error}. */
  public String messageType() {
    return headers.getOrDefault(":message-type", "event");
  }

  /** {@code :event-type}, e.g. {@code contentBlockDelta}; null when absent. */
  public String eventType() {
    return headers.get(":event-type");
  }

  /** {@code :exception-type} of an exception message, e.g. {@code throttlingException}. */
  public String exceptionType() {
    return headers.get(":exception-type");
  }

  /** The name a translator dispatches on: the event type, exception type or error code. */
  public String type() {
    return switch (messageType()) {
      case "exception" -> headers.getOrDefault(":exception-type", "exception");
      case "error" -> headers.getOrDefault(":error-code", "error");
      default -> headers.getOrDefault(":event-type", "");
    };
  }

  /** The payload as UTF-8 text. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
