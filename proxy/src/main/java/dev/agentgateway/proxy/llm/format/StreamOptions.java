package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes streamed OpenAI chat requests report usage: {@code stream_options.include_usage=true} is
 * set on every streamed request that does not already ask for it, so token accounting works on
 * every stream. The final usage-only chunk is then dropped again for clients that did not ask for
 * it (see {@link StreamContext#clientWantsUsage()}), so they see what they would have without the
 * gateway.
 */
public final class StreamOptions {
  private StreamOptions() {}

  /**
   * Adds {@code include_usage} to a streamed request, in place.
   *
   * @return whether the client itself asked for usage
   */
  public static boolean requestUsage(ObjectNode chatRequest) {
    if (!chatRequest.path("stream").asBoolean(false)) {
      return false;
    }
    JsonNode options = chatRequest.get("stream_options");
    boolean clientAsked = options != null && options.path("include_usage").asBoolean(false);
    if (!clientAsked) {
      ObjectNode target =
          options != null && options.isObject()
              ? (ObjectNode) options
              : chatRequest.putObject("stream_options");
      target.put("include_usage", true);
    }
    return clientAsked;
  }

  /** Whether the client asked for usage, without changing the request. */
  static boolean clientAsked(JsonNode chatRequest) {
    return chatRequest.path("stream").asBoolean(false)
        && chatRequest.path("stream_options").path("include_usage").asBoolean(false);
  }
}
