package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.TokenUsage;

/**
 * A client format served by a provider with no direct translation between them, through OpenAI
 * chat: the client's request becomes a chat request and then the provider's; the provider's answer
 * becomes a chat answer and then the client's. Streams are chained event by event, so nothing is
 * buffered beyond what each translator keeps for the current event.
 *
 * @param outer the client format to and from OpenAI chat
 * @param inner OpenAI chat to and from the provider format
 */
record ViaChat(Conversion outer, Conversion inner) implements Conversion {
  @Override
  public ClientFormat client() {
    return outer.client();
  }

  @Override
  public ProviderFormat provider() {
    return inner.provider();
  }

  @Override
  public TranslatedRequest request(ObjectNode clientBody) {
    TranslatedRequest chat = outer.request(clientBody);
    if (chat.context().stream()) {
      // the client translators close their streams on the chat usage chunk; always ask for it
      chat.body().putObject("stream_options").put("include_usage", true);
    }
    return inner.request(chat.body());
  }

  @Override
  public ObjectNode response(JsonNode providerBody, StreamContext context) {
    return outer.response(inner.response(providerBody, context), outerContext(context));
  }

  @Override
  public StreamTranslator stream(StreamContext context, StreamListener listener) {
    // usage comes from the provider's own counts (they survive a cut stream); first output from
    // what the client sees
    StreamTranslator toChat =
        inner.stream(
            context,
            new StreamListener() {
              @Override
              public void usage(TokenUsage usage) {
                listener.usage(usage);
              }
            });
    StreamTranslator toClient =
        outer.stream(
            outerContext(context),
            new StreamListener() {
              @Override
              public void firstOutput() {
                listener.firstOutput();
              }
            });
    return new Chained(toChat, toClient);
  }

  /** The outer translators know the model and whether the client streams; nothing else. */
  private static StreamContext outerContext(StreamContext context) {
    return StreamContext.of(context.model(), context.stream(), false);
  }

  private record Chained(StreamTranslator toChat, StreamTranslator toClient)
      implements StreamTranslator {
    @Override
    public void onEvent(String type, String data, EventSink out) {
      toChat.onEvent(type, data, into(out));
    }

    @Override
    public void onEnd(EventSink out) {
      toChat.onEnd(into(out));
      toClient.onEnd(out);
    }

    @Override
    public void onFailure(String reason, EventSink out) {
      toChat.onFailure(reason, into(out));
      toClient.onFailure(reason, out);
    }

    private EventSink into(EventSink out) {
      return new EventSink() {
        @Override
        public void emit(String event, String data) {
          toClient.onEvent(event == null ? "message" : event, data, out);
        }

        @Override
        public boolean open() {
          return out.open();
        }
      };
    }

    @Override
    public TokenUsage usage() {
      return toChat.usage();
    }

    @Override
    public boolean outputStarted() {
      return toClient.outputStarted();
    }

    @Override
    public boolean completed() {
      return toClient.completed();
    }
  }
}
