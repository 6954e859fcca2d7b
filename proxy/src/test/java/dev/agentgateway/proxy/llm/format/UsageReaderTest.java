package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.proxy.llm.TokenUsage;
import org.junit.jupiter.api.Test;

class UsageReaderTest {

  @Test
  void openAiPromptTokensAlreadyIncludeCachedTokens() {
    TokenUsage u =
        UsageReader.openAi(
            parse(
                """
        {"prompt_tokens":1117,"completion_tokens":46,"total_tokens":1163,
         "prompt_tokens_details":{"cached_tokens":1024},"completion_tokens_details":{"reasoning_tokens":10}}
        """));
    assertEquals(new TokenUsage(1117, 1024, 0, 46, 10, 1117), u);
    assertEquals(1163, u.total());
  }

  @Test
  void openAiResponsesUsageUsesInputAndOutputNames() {
    TokenUsage u =
        UsageReader.openAi(
            parse(
                """
        {"input_tokens":300,"input_tokens_details":{"cached_tokens":100},"output_tokens":50,"output_tokens_details":{"reasoning_tokens":20},"total_tokens":350}
        """));
    assertEquals(new TokenUsage(300, 100, 0, 50, 20, 300), u);
  }

  @Test
  void anthropicInputExcludesCacheReadsAndWritesSoTheyAreAdded() {
    TokenUsage u =
        UsageReader.anthropic(
            parse(
                """
        {"input_tokens":120,"cache_creation_input_tokens":30,"cache_read_input_tokens":2000,"output_tokens":85}
        """));
    assertEquals(new TokenUsage(2150, 2000, 30, 85, 0, 120), u);
  }

  @Test
  void bedrockInputExcludesCacheReadsAndWritesSoTheyAreAdded() {
    TokenUsage u =
        UsageReader.bedrock(
            parse(
                """
        {"inputTokens":300,"outputTokens":45,"totalTokens":1845,"cacheReadInputTokens":1500,"cacheWriteInputTokens":7}
        """));
    assertEquals(new TokenUsage(1807, 1500, 7, 45, 0, 300), u);
  }

  @Test
  void geminiPromptIncludesCachedContentAndOutputIncludesThoughts() {
    TokenUsage u =
        UsageReader.gemini(
            parse(
                """
        {"promptTokenCount":1200,"candidatesTokenCount":25,"totalTokenCount":1265,"cachedContentTokenCount":1000,"thoughtsTokenCount":40}
        """));
    assertEquals(new TokenUsage(1200, 1000, 0, 65, 40, 1200), u);
  }

  @Test
  void missingUsageIsNone() {
    assertEquals(TokenUsage.NONE, UsageReader.openAi(null));
    assertEquals(TokenUsage.NONE, UsageReader.anthropic(parse("null")));
  }
}
