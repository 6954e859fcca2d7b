package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code type} in {@link CustomFormat}. */
public enum CustomFormatType {
  @JsonProperty("AnthropicTokenCount")
  ANTHROPIC_TOKEN_COUNT,
  @JsonProperty("Completions")
  COMPLETIONS,
  @JsonProperty("Embeddings")
  EMBEDDINGS,
  @JsonProperty("Messages")
  MESSAGES,
  @JsonProperty("Realtime")
  REALTIME,
  @JsonProperty("Rerank")
  RERANK,
  @JsonProperty("Responses")
  RESPONSES
}
