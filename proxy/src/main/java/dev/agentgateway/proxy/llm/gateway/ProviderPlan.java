package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.format.Conversion;
import dev.agentgateway.proxy.llm.format.Conversions;
import dev.agentgateway.proxy.llm.format.FormatException;
import dev.agentgateway.proxy.llm.format.ProviderFormat;
import dev.agentgateway.proxy.llm.format.StreamContext;
import dev.agentgateway.proxy.llm.format.TranslatedRequest;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoints;
import dev.agentgateway.proxy.llm.provider.RouteType;
import java.util.ArrayList;
import java.util.List;

/**
 * How one provider serves one client route: the provider endpoint's route type and either a
 * translation ({@link Conversion}) or, for the APIs the provider speaks as the client does
 * (embeddings, token counting, OpenAI Responses on OpenAI), the body as it is.
 *
 * @param upstreamRoute the route type of the provider endpoint
 * @param conversion the translation, or null when the body passes as it is
 * @param vertexAnthropic Vertex's Claude endpoints take the model in the path and an {@code
 *     anthropic_version} in the body
 */
public record ProviderPlan(
    RouteType upstreamRoute, Conversion conversion, boolean vertexAnthropic) {
  /** Vertex's version of the Messages API, sent when the client names none. */
  static final String VERTEX_ANTHROPIC_VERSION = "vertex-2023-10-16";

  /**
   * A request body ready to send.
   *
   * @param bytes the body
   * @param context what translating the answer needs, or null when it passes unchanged
   */
  public record Prepared(byte[] bytes, StreamContext context) {}

  /**
   * The provider's request body: the client's bytes when nothing changes, else the client's body
   * with the provider's model, translated to the provider's API.
   *
   * @throws FormatException when the body cannot be translated
   */
  Prepared prepare(byte[] raw, ObjectNode clientBody, String clientModel, String upstreamModel) {
    boolean sameModel = upstreamModel == null || upstreamModel.equals(clientModel);
    if (raw() && sameModel) {
      return new Prepared(raw, null);
    }
    ObjectNode body = clientBody.deepCopy();
    if (upstreamModel != null) {
      body.put("model", upstreamModel);
    }
    if (raw()) {
      return new Prepared(Answers.bytes(body), null);
    }
    TranslatedRequest translated = conversion.request(body);
    ObjectNode out = translated.body();
    if (vertexAnthropic) {
      out.remove("model");
      if (!out.has("anthropic_version")) {
        out.put("anthropic_version", VERTEX_ANTHROPIC_VERSION);
      }
    }
    return new Prepared(Answers.bytes(out), translated.context());
  }

  /** True when the body and answer pass unchanged. */
  public boolean raw() {
    return conversion == null;
  }

  /**
   * True when the client and provider speak the same chat API, so a whole answer's bytes pass as
   * they are.
   */
  public boolean passthrough() {
    return conversion != null
        && switch (conversion.client()) {
          case OPENAI_CHAT -> conversion.provider() == ProviderFormat.OPENAI_CHAT;
          case ANTHROPIC_MESSAGES -> conversion.provider() == ProviderFormat.ANTHROPIC_MESSAGES;
          case OPENAI_RESPONSES -> false;
        };
  }

  /**
   * The plan for {@code provider} serving {@code route} with {@code model}, or null if it can't.
   */
  public static ProviderPlan of(AiProvider provider, ClientRoute route, String model) {
    AiProvider.Spec spec = provider.spec();
    return switch (route.route()) {
      case EMBEDDINGS ->
          switch (spec) {
            case AiProvider.OpenAi s -> raw(RouteType.EMBEDDINGS);
            case AiProvider.Azure s -> raw(RouteType.EMBEDDINGS);
            case AiProvider.Copilot s -> raw(RouteType.EMBEDDINGS);
            case AiProvider.Gemini s -> raw(RouteType.EMBEDDINGS);
            case AiProvider.Custom c ->
                c.format(AiProvider.ProviderFormat.EMBEDDINGS).isPresent()
                    ? raw(RouteType.EMBEDDINGS)
                    : null;
            default -> null;
          };
      case ANTHROPIC_TOKEN_COUNT ->
          switch (spec) {
            case AiProvider.Anthropic s -> raw(RouteType.ANTHROPIC_TOKEN_COUNT);
            case AiProvider.Custom c ->
                c.format(AiProvider.ProviderFormat.ANTHROPIC_TOKEN_COUNT).isPresent()
                    ? raw(RouteType.ANTHROPIC_TOKEN_COUNT)
                    : null;
            default -> null;
          };
      case COMPLETIONS, MESSAGES, RESPONSES -> chat(provider, route.client(), model);
      default -> null;
    };
  }

  private static ProviderPlan raw(RouteType route) {
    return new ProviderPlan(route, null, false);
  }

  private static ProviderPlan chat(AiProvider provider, ClientFormat client, String model) {
    if (client == ClientFormat.OPENAI_RESPONSES && nativeResponses(provider.spec())) {
      return raw(RouteType.RESPONSES);
    }
    List<ProviderFormat> formats = formats(provider.spec(), model);
    ProviderFormat preferred =
        client == ClientFormat.ANTHROPIC_MESSAGES
            ? ProviderFormat.ANTHROPIC_MESSAGES
            : ProviderFormat.OPENAI_CHAT;
    ProviderFormat chosen = null;
    for (ProviderFormat f : formats) {
      if (Conversions.supports(client, f) && (chosen == null || f == preferred)) {
        chosen = f;
      }
    }
    if (chosen == null) {
      return null;
    }
    RouteType upstream =
        switch (chosen) {
          case OPENAI_CHAT, BEDROCK_CONVERSE -> RouteType.COMPLETIONS;
          case ANTHROPIC_MESSAGES -> RouteType.MESSAGES;
          case GEMINI -> RouteType.GENERATE_CONTENT;
        };
    boolean vertexClaude =
        provider.spec() instanceof AiProvider.Vertex && chosen == ProviderFormat.ANTHROPIC_MESSAGES;
    return new ProviderPlan(upstream, Conversions.of(client, chosen), vertexClaude);
  }

  private static boolean nativeResponses(AiProvider.Spec spec) {
    return switch (spec) {
      case AiProvider.OpenAi s -> true;
      case AiProvider.Azure s -> true;
      case AiProvider.Custom c -> c.format(AiProvider.ProviderFormat.RESPONSES).isPresent();
      default -> false;
    };
  }

  /** The chat APIs {@code spec} speaks for {@code model}. */
  static List<ProviderFormat> formats(AiProvider.Spec spec, String model) {
    return switch (spec) {
      case AiProvider.OpenAi s -> List.of(ProviderFormat.OPENAI_CHAT);
      case AiProvider.Azure s -> List.of(ProviderFormat.OPENAI_CHAT);
      case AiProvider.Copilot s -> List.of(ProviderFormat.OPENAI_CHAT);
      case AiProvider.Anthropic s -> List.of(ProviderFormat.ANTHROPIC_MESSAGES);
      case AiProvider.Gemini s -> List.of(ProviderFormat.GEMINI);
      case AiProvider.Bedrock s -> List.of(ProviderFormat.BEDROCK_CONVERSE);
      case AiProvider.Vertex s -> {
        if (ProviderEndpoints.isVertexClaude(model)) {
          yield List.of(ProviderFormat.ANTHROPIC_MESSAGES);
        }
        yield model != null && model.startsWith("gemini")
            ? List.of(ProviderFormat.GEMINI)
            : List.of(ProviderFormat.OPENAI_CHAT);
      }
      case AiProvider.Custom c -> {
        List<ProviderFormat> out = new ArrayList<>();
        if (c.format(AiProvider.ProviderFormat.COMPLETIONS).isPresent()) {
          out.add(ProviderFormat.OPENAI_CHAT);
        }
        if (c.format(AiProvider.ProviderFormat.MESSAGES).isPresent()) {
          out.add(ProviderFormat.ANTHROPIC_MESSAGES);
        }
        if (c.format(AiProvider.ProviderFormat.GENERATE_CONTENT).isPresent()) {
          out.add(ProviderFormat.GEMINI);
        }
        yield out;
      }
    };
  }
}
