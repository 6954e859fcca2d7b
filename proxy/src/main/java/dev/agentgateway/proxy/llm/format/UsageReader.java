package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.llm.TokenUsage;

/**
 * Reads each provider's usage object into a normalised {@link TokenUsage}, applying the provider's
 * cache convention so {@code inputTokens} always includes cache reads and writes.
 */
public final class UsageReader {
  private UsageReader() {}

  /**
   * OpenAI chat {@code usage} ({@code prompt_tokens} already includes {@code
   * prompt_tokens_details.cached_tokens}); also reads Responses' {@code input_tokens} shape.
   */
  public static TokenUsage openAi(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return TokenUsage.NONE;
    }
    boolean responses = usage.has("input_tokens");
    long input = Json.number(usage, responses ? "input_tokens" : "prompt_tokens");
    long output = Json.number(usage, responses ? "output_tokens" : "completion_tokens");
    JsonNode inDetails = usage.get(responses ? "input_tokens_details" : "prompt_tokens_details");
    JsonNode outDetails =
        usage.get(responses ? "output_tokens_details" : "completion_tokens_details");
    long cached = Json.number(inDetails, "cached_tokens");
    long reasoning = Json.number(outDetails, "reasoning_tokens");
    return new TokenUsage(input, cached, 0, output, reasoning, input);
  }

  /** Anthropic {@code usage}: {@code input_tokens} excludes cache reads and writes, so add them. */
  public static TokenUsage anthropic(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return TokenUsage.NONE;
    }
    long provider = Json.number(usage, "input_tokens");
    long read = Json.number(usage, "cache_read_input_tokens");
    long write = Json.number(usage, "cache_creation_input_tokens");
    long output = Json.number(usage, "output_tokens");
    return new TokenUsage(provider + read + write, read, write, output, 0, provider);
  }

  /**
   * Gemini {@code usageMetadata} (cumulative on every stream chunk): {@code promptTokenCount}
   * includes cached content; {@code candidatesTokenCount} excludes thoughts, which are billed as
   * output, so output is candidates plus thoughts.
   */
  public static TokenUsage gemini(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return TokenUsage.NONE;
    }
    long prompt = Json.number(usage, "promptTokenCount");
    long cached = Json.number(usage, "cachedContentTokenCount");
    long thoughts = Json.number(usage, "thoughtsTokenCount");
    long output = Json.number(usage, "candidatesTokenCount") + thoughts;
    return new TokenUsage(prompt, cached, 0, output, thoughts, prompt);
  }

  /** Bedrock Converse {@code usage}: {@code inputTokens} excludes cache reads and writes. */
  public static TokenUsage bedrock(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return TokenUsage.NONE;
    }
    long provider = Json.number(usage, "inputTokens");
    long read = Json.number(usage, "cacheReadInputTokens");
    long write = Json.number(usage, "cacheWriteInputTokens");
    long output = Json.number(usage, "outputTokens");
    return new TokenUsage(provider + read + write, read, write, output, 0, provider);
  }

  /** The usage of a whole (non-streamed) provider answer, in the provider's format. */
  public static TokenUsage ofResponse(ProviderFormat format, JsonNode body) {
    return switch (format) {
      case OPENAI_CHAT -> openAi(body.get("usage"));
      case ANTHROPIC_MESSAGES -> anthropic(body.get("usage"));
      case GEMINI -> gemini(body.get("usageMetadata"));
      case BEDROCK_CONVERSE -> bedrock(body.get("usage"));
    };
  }
}
