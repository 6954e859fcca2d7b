package dev.agentgateway.proxy.llm.format;

/** The API a client speaks to the gateway. */
public enum ClientFormat {
  /** OpenAI {@code /v1/chat/completions}. */
  OPENAI_CHAT,
  /** OpenAI {@code /v1/responses}. */
  OPENAI_RESPONSES,
  /** Anthropic {@code /v1/messages}. */
  ANTHROPIC_MESSAGES
}
