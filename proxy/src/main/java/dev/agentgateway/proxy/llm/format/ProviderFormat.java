package dev.agentgateway.proxy.llm.format;

/** The API the gateway speaks to a provider. */
public enum ProviderFormat {
  /** OpenAI {@code /v1/chat/completions} (also every OpenAI-compatible provider); SSE streams. */
  OPENAI_CHAT,
  /** Anthropic {@code /v1/messages}; SSE streams with named events. */
  ANTHROPIC_MESSAGES,
  /** Gemini native {@code :generateContent}; {@code :streamGenerateContent?alt=sse} streams. */
  GEMINI,
  /** Bedrock {@code Converse}; {@code ConverseStream} answers in AWS event-stream framing. */
  BEDROCK_CONVERSE;

  /** True when streamed answers use {@code application/vnd.amazon.eventstream}, not SSE. */
  public boolean eventStreamFraming() {
    return this == BEDROCK_CONVERSE;
  }
}
