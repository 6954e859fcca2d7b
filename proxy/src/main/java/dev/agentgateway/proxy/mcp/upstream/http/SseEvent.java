package dev.agentgateway.proxy.mcp.upstream.http;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * @param type the event type, {@code message} when the stream named none
 * @param data the data lines joined with {@code \n}
 * @param lastEventId the stream's last event id when this event was dispatched ({@code ""} if none)
 */
public record SseEvent(String type, String data, String lastEventId) {
  public SseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(lastEventId, "lastEventId");
  }
}
