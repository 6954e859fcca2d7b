package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error events in Anthropic's stream shape, for translators into Anthropic events. */
abstract class ToAnthropicStream extends BaseStreamTranslator {
  ToAnthropicStream(StreamListener listener) {
    super(listener);
  }

  @Override
  void emitError(String type, String message, EventSink out) {
    ObjectNode error =
        ErrorBodies.anthropic(
            type == null || type.equals("server_error") ? "api_error" : type, message);
    out.emit("error", Json.write(error));
  }
}
