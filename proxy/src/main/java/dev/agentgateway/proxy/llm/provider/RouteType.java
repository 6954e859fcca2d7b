package dev.agentgateway.proxy.llm.provider;

/**
 * The class of LLM endpoint a request is sent to (upstream's RouteType, without the
 * passthrough/detect modes, which keep the client's path).
 */
public enum RouteType {
  /** OpenAI {@code /v1/chat/completions}; Bedrock's Converse API for Bedrock. */
  COMPLETIONS,
  /** Anthropic {@code /v1/messages}; Bedrock's Converse API for Bedrock. */
  MESSAGES,
  /** OpenAI {@code /v1/responses}. */
  RESPONSES,
  /** OpenAI {@code /v1/embeddings}. */
  EMBEDDINGS,
  /** OpenAI {@code /v1/models}. */
  MODELS,
  /** Anthropic {@code /v1/messages/count_tokens}. */
  ANTHROPIC_TOKEN_COUNT,
  /** Gemini {@code models/{model}:generateContent} and {@code :streamGenerateContent}. */
  GENERATE_CONTENT,
  /** Gemini {@code models/{model}:countTokens}. */
  GEMINI_COUNT_TOKENS,
  /** Cohere-style {@code /v2/rerank}. */
  RERANK,
  /** OpenAI {@code /v1/realtime} (WebSocket). */
  REALTIME,
  /** Any path, forwarded to the provider as it is. */
  PASSTHROUGH,
  /** Any path, forwarded as it is, with the answer's token usage read for accounting. */
  DETECT
}
