package dev.agentgateway.model.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Route policy {@code ai}: what the LLM gateway does to a request before it reaches the provider.
 *
 * @param promptGuard request and response guards, or {@code null}
 * @param defaults top-level request fields set when the client sent none: field to JSON text
 * @param overrides top-level request fields always set: field to JSON text
 * @param prompts messages to add before and after the client's, or {@code null}
 * @param modelAliases requested model to model, in config order
 * @param routes request path suffix to upstream route type name ({@link #ROUTE_TYPES})
 */
public record AiPolicy(
    PromptGuardPolicy promptGuard,
    Map<String, String> defaults,
    Map<String, String> overrides,
    Prompts prompts,
    Map<String, String> modelAliases,
    Map<String, String> routes) {

  /** Upstream's route type names, as written in {@code routes}. */
  public static final List<String> ROUTE_TYPES =
      List.of(
          "completions",
          "messages",
          "models",
          "passthrough",
          "detect",
          "responses",
          "embeddings",
          "realtime",
          "anthropicTokenCount",
          "generateContent",
          "geminiCountTokens",
          "rerank");

  /** Copies the maps, keeping config order (wildcard aliases are tried in it). */
  public AiPolicy {
    defaults = ordered(defaults);
    overrides = ordered(overrides);
    modelAliases = ordered(modelAliases);
    routes = ordered(routes);
    for (Map.Entry<String, String> e : routes.entrySet()) {
      if (!ROUTE_TYPES.contains(e.getValue())) {
        throw new IllegalArgumentException(
            "routes." + e.getKey() + ": unknown route type '" + e.getValue() + "'");
      }
    }
  }

  private static Map<String, String> ordered(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Upstream's {@code prompts}: messages to prepend and append to every chat request. */
  public record Prompts(List<Message> prepend, List<Message> append) {
    public Prompts {
      prepend = prepend == null ? List.of() : List.copyOf(prepend);
      append = append == null ? List.of() : List.copyOf(append);
    }
  }

  /** A {@code role} and text {@code content}. */
  public record Message(String role, String content) {
    public Message {
      Objects.requireNonNull(content, "content");
      if (role == null || role.isBlank()) {
        throw new IllegalArgumentException("role must not be blank");
      }
    }
  }
}
