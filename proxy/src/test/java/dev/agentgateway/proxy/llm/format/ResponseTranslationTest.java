package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTranslationTest {

  @Test
  void translatesAnAnthropicToolUseAnswerWithCacheUsageToAChatCompletion() {
    ObjectNode out =
        AnthropicToChatResponse.translate(json("anthropic/response-tool-use.json"), "fallback");
    assertTrue(out.remove("created").isNumber());
    assertJson(json("chat/response-from-anthropic.json"), out);
  }

  @Test
  void translatesAGeminiFunctionCallWithItsThoughtSignatureInTheId() {
    JsonNode out =
        GeminiToChatResponse.translate(json("gemini/response-function-call.json"), "fallback");
    assertEquals("mcU2aPqWOdjvz7IPx6jOgQk", out.path("id").asText());
    assertEquals("gemini-2.5-flash", out.path("model").asText());
    JsonNode choice = out.path("choices").path(0);
    assertEquals("tool_calls", choice.path("finish_reason").asText());
    assertEquals("Checking the weather.\n", choice.path("message").path("content").asText());
    JsonNode call = choice.path("message").path("tool_calls").path(0);
    assertTrue(
        call.path("id").asText().endsWith("__thought__CiQB0e2Kb7"), call.path("id").asText());
    assertEquals("get_weather", call.path("function").path("name").asText());
    assertEquals("{\"city\":\"Paris\"}", call.path("function").path("arguments").asText());
    // output counts thoughts, as they are billed as output
    assertJson(
        parse(
            "{\"prompt_tokens\":1200,\"completion_tokens\":65,\"total_tokens\":1265,\"prompt_tokens_details\":{\"cached_tokens\":1000},\"completion_tokens_details\":{\"reasoning_tokens\":40}}"),
        out.path("usage"));
  }

  @Test
  void mapsGeminiMaxTokensToLength() {
    JsonNode out =
        GeminiToChatResponse.translate(json("gemini/response-max-tokens.json"), "fallback");
    assertEquals("length", out.path("choices").path(0).path("finish_reason").asText());
    assertEquals(
        "Paris is a city", out.path("choices").path(0).path("message").path("content").asText());
  }

  @Test
  void translatesABedrockToolUseAnswerWithTheRequestedModelAndTheClientsToolName() {
    BedrockToolNames names = BedrockToolNames.of(List.of("weather.lookup/v2"));
    assertEquals("weather_lookup_v2", names.toBedrock("weather.lookup/v2"));
    JsonNode out =
        BedrockToChatResponse.translate(
            json("bedrock/response-tool-use.json"), "anthropic.claude-sonnet-4", names);
    assertEquals("anthropic.claude-sonnet-4", out.path("model").asText());
    assertTrue(out.path("id").asText().startsWith("chatcmpl-"));
    JsonNode choice = out.path("choices").path(0);
    assertEquals("tool_calls", choice.path("finish_reason").asText());
    assertEquals("Let me check the weather.", choice.path("message").path("content").asText());
    JsonNode call = choice.path("message").path("tool_calls").path(0);
    assertEquals("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", call.path("id").asText());
    assertEquals("weather.lookup/v2", call.path("function").path("name").asText());
    // Bedrock's inputTokens exclude cache reads: OpenAI's prompt_tokens include them
    assertEquals(1800, out.path("usage").path("prompt_tokens").asLong());
    assertEquals(
        1500, out.path("usage").path("prompt_tokens_details").path("cached_tokens").asLong());
    assertEquals(1845, out.path("usage").path("total_tokens").asLong());
  }

  @Test
  void translatesAChatCompletionWithToolCallsAndEmptyArgumentsToAnAnthropicMessage() {
    assertJson(
        json("anthropic/response-from-chat.json"),
        ChatToAnthropicResponse.translate(json("chat/response-tool-calls.json"), "fallback"));
  }

  @Test
  void mapsStopReasonsBothWays() {
    assertEquals("stop", StopReasons.anthropicToOpenAi("end_turn"));
    assertEquals("stop", StopReasons.anthropicToOpenAi("stop_sequence"));
    assertEquals("length", StopReasons.anthropicToOpenAi("max_tokens"));
    assertEquals("tool_calls", StopReasons.anthropicToOpenAi("tool_use"));
    assertEquals("content_filter", StopReasons.anthropicToOpenAi("refusal"));
    assertEquals("end_turn", StopReasons.openAiToAnthropic("stop"));
    assertEquals("max_tokens", StopReasons.openAiToAnthropic("length"));
    assertEquals("tool_use", StopReasons.openAiToAnthropic("tool_calls"));
    assertEquals("refusal", StopReasons.openAiToAnthropic("content_filter"));
    assertEquals("content_filter", StopReasons.bedrockToOpenAi("guardrail_intervened"));
    assertEquals("length", StopReasons.bedrockToOpenAi("max_tokens"));
    assertEquals("content_filter", StopReasons.geminiToOpenAi("SAFETY", false));
    assertEquals("stop", StopReasons.geminiToOpenAi("STOP", false));
  }

  @Test
  void answersWithTheRequestedModelWhenTheProviderNamesNone() {
    JsonNode out =
        ChatToAnthropicResponse.translate(
            parse("{\"choices\":[{\"message\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}"),
            "gpt-x");
    assertEquals("gpt-x", out.path("model").asText());
    assertEquals("end_turn", out.path("stop_reason").asText());
    assertJson(parse("[{\"type\":\"text\",\"text\":\"hi\"}]"), out.path("content"));
  }
}
