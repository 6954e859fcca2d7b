package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.provider.RouteType;
import java.util.List;

/**
 * The LLM API a request path asks for, found by its suffix (so a route may serve {@code /v1/...}
 * under any prefix).
 *
 * @param route the route type
 * @param client the chat API the client speaks, or null for the routes passed through as they are
 *     (embeddings, token counting, model lists)
 * @param operation the OpenTelemetry {@code gen_ai.operation.name}
 * @param anthropicErrors whether errors go in Anthropic's shape (else OpenAI's)
 */
public record ClientRoute(
    RouteType route, ClientFormat client, String operation, boolean anthropicErrors) {
  private record Suffix(String suffix, ClientRoute route) {}

  // Longest first: /v1/messages/count_tokens must not be taken for /v1/messages.
  private static final List<Suffix> SUFFIXES =
      List.of(
          new Suffix(
              "/v1/messages/count_tokens",
              new ClientRoute(RouteType.ANTHROPIC_TOKEN_COUNT, null, "count_tokens", true)),
          new Suffix(
              "/v1/chat/completions",
              new ClientRoute(RouteType.COMPLETIONS, ClientFormat.OPENAI_CHAT, "chat", false)),
          new Suffix(
              "/v1/messages",
              new ClientRoute(RouteType.MESSAGES, ClientFormat.ANTHROPIC_MESSAGES, "chat", true)),
          new Suffix(
              "/v1/responses",
              new ClientRoute(RouteType.RESPONSES, ClientFormat.OPENAI_RESPONSES, "chat", false)),
          new Suffix(
              "/v1/embeddings", new ClientRoute(RouteType.EMBEDDINGS, null, "embeddings", false)),
          new Suffix("/v1/models", new ClientRoute(RouteType.MODELS, null, "models", false)));

  /**
   * The route for one of upstream's route type names in {@code ai.routes} ({@code completions},
   * {@code passthrough}, ...), or null for an unknown name.
   */
  public static ClientRoute named(String type) {
    return switch (type) {
      case "completions" -> byRoute(RouteType.COMPLETIONS);
      case "messages" -> byRoute(RouteType.MESSAGES);
      case "responses" -> byRoute(RouteType.RESPONSES);
      case "embeddings" -> byRoute(RouteType.EMBEDDINGS);
      case "models" -> byRoute(RouteType.MODELS);
      case "anthropicTokenCount" -> byRoute(RouteType.ANTHROPIC_TOKEN_COUNT);
      case "passthrough" -> new ClientRoute(RouteType.PASSTHROUGH, null, "passthrough", false);
      case "detect" -> new ClientRoute(RouteType.DETECT, null, "detect", false);
      case "realtime" -> new ClientRoute(RouteType.REALTIME, null, "realtime", false);
      case "generateContent" ->
          new ClientRoute(RouteType.GENERATE_CONTENT, null, "generate_content", false);
      case "geminiCountTokens" ->
          new ClientRoute(RouteType.GEMINI_COUNT_TOKENS, null, "count_tokens", false);
      case "rerank" -> new ClientRoute(RouteType.RERANK, null, "rerank", false);
      default -> null;
    };
  }

  private static ClientRoute byRoute(RouteType type) {
    return SUFFIXES.stream()
        .map(Suffix::route)
        .filter(r -> r.route() == type)
        .findFirst()
        .orElseThrow();
  }

  /** The route for {@code path}, or null when it names no LLM API the gateway serves. */
  public static ClientRoute of(String path) {
    String p =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    for (Suffix s : SUFFIXES) {
      if (p.endsWith(s.suffix())) {
        return s.route();
      }
    }
    return null;
  }
}
