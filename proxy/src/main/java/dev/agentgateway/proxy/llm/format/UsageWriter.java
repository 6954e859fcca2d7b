package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.TokenUsage;

/** Writes a normalised usage in the client's shape. */
final class UsageWriter {
  private UsageWriter() {}

  /** OpenAI chat: prompt tokens include cached ones, completion tokens include reasoning. */
  static ObjectNode openAi(TokenUsage u) {
    ObjectNode usage = Json.object();
    usage.put("prompt_tokens", u.inputTokens());
    usage.put("completion_tokens", u.outputTokens());
    usage.put("total_tokens", u.total());
    usage.putObject("prompt_tokens_details").put("cached_tokens", u.cachedInputTokens());
    usage.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningTokens());
    return usage;
  }

  /** Anthropic: input tokens exclude cache reads and writes, which are reported apart. */
  static ObjectNode anthropic(TokenUsage u) {
    ObjectNode usage = Json.object();
    usage.put(
        "input_tokens",
        Math.max(0, u.inputTokens() - u.cachedInputTokens() - u.cacheCreationInputTokens()));
    usage.put("cache_creation_input_tokens", u.cacheCreationInputTokens());
    usage.put("cache_read_input_tokens", u.cachedInputTokens());
    usage.put("output_tokens", u.outputTokens());
    return usage;
  }
}
