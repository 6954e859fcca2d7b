package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The supported client-to-provider conversions. */
public final class Conversions {
  private Conversions() {}

  /** True when {@link #of} has a conversion for the pair. */
  public static boolean supports(ClientFormat client, ProviderFormat provider) {
    return find(client, provider) != null;
  }

  /**
   * The conversion for the pair.
   *
   * @throws IllegalArgumentException the pair is not supported (check {@link #supports} at config
   *     time)
   */
  public static Conversion of(ClientFormat client, ProviderFormat provider) {
    Conversion c = find(client, provider);
    if (c == null) {
      throw new IllegalArgumentException(
          "no translation from the " + client + " API to a " + provider + " provider");
    }
    return c;
  }

  private static Conversion find(ClientFormat client, ProviderFormat provider) {
    return switch (client) {
      case OPENAI_CHAT ->
          switch (provider) {
            case OPENAI_CHAT ->
                fromChat(
                    provider,
                    Conversions::chatPassthrough,
                    (a, c) -> (ObjectNode) a,
                    ChatPassthroughStream::new);
            case ANTHROPIC_MESSAGES ->
                fromChat(
                    provider,
                    body ->
                        new TranslatedRequest(
                            ChatToAnthropicRequest.translate(body), chatContext(body)),
                    (a, c) -> AnthropicToChatResponse.translate(a, c.model()),
                    AnthropicToChatStream::new);
            case GEMINI ->
                fromChat(
                    provider,
                    body ->
                        new TranslatedRequest(
                            ChatToGeminiRequest.translate(body), chatContext(body)),
                    (a, c) -> GeminiToChatResponse.translate(a, c.model()),
                    GeminiToChatStream::new);
            case BEDROCK_CONVERSE ->
                fromChat(
                    provider,
                    Conversions::chatToBedrock,
                    (a, c) -> BedrockToChatResponse.translate(a, c.model(), c.toolNames()),
                    BedrockToChatStream::new);
          };
      case ANTHROPIC_MESSAGES ->
          switch (provider) {
            case ANTHROPIC_MESSAGES ->
                new Pair(
                    client,
                    provider,
                    body -> new TranslatedRequest(body.deepCopy(), anthropicContext(body)),
                    (a, c) -> (ObjectNode) a,
                    (c, l) -> new AnthropicPassthroughStream(l));
            case OPENAI_CHAT ->
                new Pair(
                    client,
                    provider,
                    body ->
                        new TranslatedRequest(
                            AnthropicToChatRequest.translate(body), anthropicContext(body)),
                    (a, c) -> ChatToAnthropicResponse.translate(a, c.model()),
                    ChatToAnthropicStream::new);
            case BEDROCK_CONVERSE ->
                new Pair(
                    client,
                    provider,
                    Conversions::anthropicToBedrock,
                    (a, c) -> BedrockToAnthropicResponse.translate(a, c.model(), c.toolNames()),
                    BedrockToAnthropicStream::new);
            case GEMINI ->
                new ViaChat(find(client, ProviderFormat.OPENAI_CHAT), fromChat(provider));
          };
      case OPENAI_RESPONSES -> {
        Conversion toChat =
            new Pair(
                client,
                ProviderFormat.OPENAI_CHAT,
                Conversions::responsesToChat,
                (a, c) -> ChatToResponsesResponse.translate(a, c.model()),
                ChatToResponsesStream::new);
        yield provider == ProviderFormat.OPENAI_CHAT
            ? toChat
            : new ViaChat(toChat, fromChat(provider));
      }
    };
  }

  private static Conversion fromChat(ProviderFormat provider) {
    return find(ClientFormat.OPENAI_CHAT, provider);
  }

  private static Conversion fromChat(
      ProviderFormat provider,
      Function<ObjectNode, TranslatedRequest> request,
      BiFunction<JsonNode, StreamContext, ObjectNode> response,
      BiFunction<StreamContext, StreamListener, StreamTranslator> stream) {
    return new Pair(ClientFormat.OPENAI_CHAT, provider, request, response, stream);
  }

  private static TranslatedRequest chatPassthrough(ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    boolean clientWantsUsage = StreamOptions.requestUsage(copy);
    return new TranslatedRequest(
        copy,
        StreamContext.of(
            Json.text(body, "model"), body.path("stream").asBoolean(false), clientWantsUsage));
  }

  private static TranslatedRequest chatToBedrock(ObjectNode body) {
    ChatToBedrockRequest.Result r = ChatToBedrockRequest.translate(body);
    return new TranslatedRequest(
        r.body(),
        new StreamContext(
            Json.text(body, "model"),
            body.path("stream").asBoolean(false),
            StreamOptions.clientAsked(body),
            r.toolNames()));
  }

  private static TranslatedRequest anthropicToBedrock(ObjectNode body) {
    ChatToBedrockRequest.Result r = AnthropicToBedrockRequest.translate(body);
    return new TranslatedRequest(
        r.body(),
        new StreamContext(
            Json.text(body, "model"), body.path("stream").asBoolean(false), false, r.toolNames()));
  }

  private static TranslatedRequest responsesToChat(ObjectNode body) {
    return new TranslatedRequest(
        ResponsesToChatRequest.translate(body),
        StreamContext.of(Json.text(body, "model"), body.path("stream").asBoolean(false), false));
  }

  private static StreamContext chatContext(JsonNode body) {
    return StreamContext.of(
        Json.text(body, "model"),
        body.path("stream").asBoolean(false),
        StreamOptions.clientAsked(body));
  }

  private static StreamContext anthropicContext(JsonNode body) {
    return StreamContext.of(Json.text(body, "model"), body.path("stream").asBoolean(false), false);
  }

  private record Pair(
      ClientFormat client,
      ProviderFormat provider,
      Function<ObjectNode, TranslatedRequest> request,
      BiFunction<JsonNode, StreamContext, ObjectNode> response,
      BiFunction<StreamContext, StreamListener, StreamTranslator> stream)
      implements Conversion {
    @Override
    public TranslatedRequest request(ObjectNode clientBody) {
      return request.apply(clientBody);
    }

    @Override
    public ObjectNode response(JsonNode providerBody, StreamContext context) {
      return response.apply(providerBody, context);
    }

    @Override
    public StreamTranslator stream(StreamContext context, StreamListener listener) {
      return stream.apply(context, listener);
    }
  }
}
