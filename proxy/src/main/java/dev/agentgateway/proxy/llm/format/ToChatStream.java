package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every translator into OpenAI chat chunks shares: the chunk identity, the role on the first
 * chunk, the optional usage chunk, {@code [DONE]} and error events.
 */
abstract class ToChatStream extends BaseStreamTranslator {
  static final String DONE = "[DONE]";

  final StreamContext context;
  String id = ChatResponses.newId();
  String model;
  final long created = ChatResponses.now();
  private boolean roleSent;
  boolean finished;

  ToChatStream(StreamContext context, StreamListener listener) {
    super(listener);
    this.context = context;
    this.model = context.model();
  }

  /** Emits one chunk with this delta; the first chunk also carries the assistant role. */
  final void delta(ObjectNode delta, EventSink out) {
    if (!roleSent) {
      roleSent = true;
      delta.put("role", "assistant");
    }
    out.emit(null, Json.write(ChatResponses.chunk(id, created, model, delta, null)));
  }

  final void role(EventSink out) {
    if (!roleSent) {
      delta(Json.object().put("content", ""), out);
    }
  }

  final void finish(String reason, EventSink out) {
    finished = true;
    ObjectNode delta = Json.object();
    if (!roleSent) {
      roleSent = true;
      delta.put("role", "assistant");
    }
    out.emit(null, Json.write(ChatResponses.chunk(id, created, model, delta, reason)));
  }

  /** The usage chunk when the client asked for it, then {@code [DONE]}; the answer is complete. */
  final void done(EventSink out) {
    if (context.clientWantsUsage()) {
      out.emit(null, Json.write(ChatResponses.usageChunk(id, created, model, usage())));
    }
    out.emit(null, DONE);
    complete();
  }

  /** A provider error inside the stream ends the client stream in OpenAI's error shape. */
  final void providerError(String type, String message, EventSink out) {
    failWith(type, message == null ? "the provider reported an error" : message, out);
  }

  @Override
  void emitError(String type, String message, EventSink out) {
    // "api_error" is the shared name for a gateway-side stream failure; OpenAI calls it
    // server_error
    String openAiType = type == null || type.equals("api_error") ? "server_error" : type;
    out.emit(null, Json.write(ErrorBodies.openAi(openAiType, message, null)));
  }

  /** A stream whose finish reason arrived is complete at EOF, even without a closing event. */
  @Override
  boolean finishAtEof(EventSink out) {
    if (!finished) {
      return false;
    }
    done(out);
    return true;
  }
}
