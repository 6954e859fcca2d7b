package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code routesValue} in {@link AiPolicy}. */
public enum RoutesValue {
  @JsonProperty("AnthropicTokenCount")
  ANTHROPIC_TOKEN_COUNT,
  @JsonProperty("Completions")
  COMPLETIONS,
  @JsonProperty("Detect")
  DETECT,
  @JsonProperty("Embeddings")
  EMBEDDINGS,
  @JsonProperty("GeminiCountTokens")
  GEMINI_COUNT_TOKENS,
  @JsonProperty("GenerateContent")
  GENERATE_CONTENT,
  @JsonProperty("Messages")
  MESSAGES,
  @JsonProperty("Models")
  MODELS,
  @JsonProperty("Passthrough")
  PASSTHROUGH,
  @JsonProperty("Realtime")
  REALTIME,
  @JsonProperty("Rerank")
  RERANK,
  @JsonProperty("Responses")
  RESPONSES
}
