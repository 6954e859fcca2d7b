package dev.agentgateway.proxy.llm.guard;

/**
 * The request/response shape a body is in, named after upstream's route types: OpenAI chat {@code
 * completions} or Anthropic {@code messages}.
 */
public enum LlmFormat {
  COMPLETIONS,
  MESSAGES
}
