package dev.agentgateway.proxy.llm;

/**
 * Token usage of one LLM call, normalised across providers.
 *
 * <p>{@code inputTokens} always includes cache reads and cache writes, whatever the provider's
 * convention (Anthropic and Bedrock report them apart; OpenAI and Gemini include them), so rate
 * limits and cost see the whole prompt. {@code providerInputTokens} keeps the number the provider
 * itself reported as input. {@code outputTokens} includes reasoning tokens, as OpenAI counts them.
 *
 * @param inputTokens every prompt token, cache reads and writes included
 * @param cachedInputTokens prompt tokens read from the provider's cache
 * @param cacheCreationInputTokens prompt tokens written to the provider's cache
 * @param outputTokens generated tokens, reasoning included
 * @param reasoningTokens the reasoning ("thinking") part of the output, when reported
 * @param providerInputTokens the input count as the provider reported it
 */
public record TokenUsage(
    long inputTokens,
    long cachedInputTokens,
    long cacheCreationInputTokens,
    long outputTokens,
    long reasoningTokens,
    long providerInputTokens) {

  /** No usage seen yet. */
  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0);

  public TokenUsage {
    if (inputTokens < 0
        || cachedInputTokens < 0
        || cacheCreationInputTokens < 0
        || outputTokens < 0
        || reasoningTokens < 0
        || providerInputTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  /** Input plus output. */
  public long total() {
    return inputTokens + outputTokens;
  }

  /** True when nothing was counted. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The sum of two usages, e.g. of two calls made for one request. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        cachedInputTokens + other.cachedInputTokens,
        cacheCreationInputTokens + other.cacheCreationInputTokens,
        outputTokens + other.outputTokens,
        reasoningTokens + other.reasoningTokens,
        providerInputTokens + other.providerInputTokens);
  }

  /**
   * Merges a later report of the same call: streams report counts cumulatively (Gemini on every
   * chunk, Anthropic input at the start and output at the end), so each field keeps the larger
   * value and a field the later report leaves out (zero) keeps what was seen before.
   */
  public TokenUsage merge(TokenUsage later) {
    return new TokenUsage(
        Math.max(inputTokens, later.inputTokens),
        Math.max(cachedInputTokens, later.cachedInputTokens),
        Math.max(cacheCreationInputTokens, later.cacheCreationInputTokens),
        Math.max(outputTokens, later.outputTokens),
        Math.max(reasoningTokens, later.reasoningTokens),
        Math.max(providerInputTokens, later.providerInputTokens));
  }
}
