package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.format.Fixtures.Emitted;
import dev.agentgateway.proxy.llm.format.Fixtures.RecordingSink;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicToBedrockTest {

  @Test
  void translatesAMessagesRequestWithCacheMarkersToConverse() {
    ChatToBedrockRequest.Result r =
        AnthropicToBedrockRequest.translate(json("anthropic/request-full.json"));
    assertJson(json("bedrock/request-from-anthropic.json"), r.body());
  }

  @Test
  void marksFailedToolResultsAndPassesThinkingSettings() {
    JsonNode body =
        AnthropicToBedrockRequest.translate(
                parse(
                    """
        {"max_tokens":2048,"top_k":5,"thinking":{"type":"enabled","budget_tokens":1024},
         "messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"boom","is_error":true}]}]}
        """))
            .body();
    assertJson(
        parse(
            "{\"toolResult\":{\"toolUseId\":\"t1\",\"content\":[{\"text\":\"boom\"}],\"status\":\"error\"}}"),
        body.path("messages").path(0).path("content").path(0));
    assertJson(
        parse("{\"top_k\":5,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}"),
        body.path("additionalModelRequestFields"));
  }

  @Test
  void refusesRemoteImagesForBedrock() {
    JsonNode request =
        parse(
            """
        {"max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]}]}
        """);
    FormatException e =
        assertThrows(FormatException.class, () -> AnthropicToBedrockRequest.translate(request));
    assertTrue(e.getMessage().startsWith("messages[0].content[0].source"), e.getMessage());
  }

  @Test
  void translatesAConverseAnswerToAnAnthropicMessage() {
    BedrockToolNames names = BedrockToolNames.of(List.of("weather.lookup/v2"));
    JsonNode out =
        BedrockToAnthropicResponse.translate(
            json("bedrock/response-tool-use.json"), "claude-on-bedrock", names);
    assertEquals("message", out.path("type").asText());
    assertEquals("claude-on-bedrock", out.path("model").asText());
    assertEquals("tool_use", out.path("stop_reason").asText());
    assertJson(
        parse(
            """
            [{"type":"text","text":"Let me check the weather."},
             {"type":"tool_use","id":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"weather.lookup/v2","input":{"city":"Paris"}}]
            """),
        out.path("content"));
    assertJson(
        parse(
            "{\"input_tokens\":300,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":1500,\"output_tokens\":45}"),
        out.path("usage"));
  }

  @Test
  void converseStreamEventsBecomeAnthropicEvents() {
    RecordingSink sink = new RecordingSink();
    StreamTranslator t =
        new BedrockToAnthropicStream(
            new StreamContext("claude", true, false, BedrockStreamTest.NAMES), StreamListener.NONE);
    TokenUsage usage =
        StreamRelay.relay(
            new ByteArrayInputStream(BedrockStreamTest.converseStream(false)),
            ProviderFormat.BEDROCK_CONVERSE,
            t,
            sink);
    assertEquals(
        List.of(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop"),
        sink.events.stream().map(Emitted::event).toList());
    assertJson(
        parse(
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
        sink.events.get(1).json());
    assertJson(
        parse(
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me check.\"}}"),
        sink.events.get(2).json());
    assertJson(
        parse(
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"tooluse_kZJ\",\"name\":\"weather.lookup/v2\",\"input\":{}}}"),
        sink.events.get(4).json());
    assertJson(
        parse(
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"input_tokens\":300,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":1500,\"output_tokens\":45}}"),
        sink.events.get(8).json());
    assertEquals(1800, usage.inputTokens());
    assertTrue(t.completed());
  }

  @Test
  void aConverseExceptionBecomesAnAnthropicErrorEvent() {
    RecordingSink sink = new RecordingSink();
    StreamTranslator t =
        new BedrockToAnthropicStream(
            new StreamContext("claude", true, false, BedrockToolNames.NONE), StreamListener.NONE);
    StreamRelay.relay(
        new ByteArrayInputStream(BedrockStreamTest.converseStream(true)),
        ProviderFormat.BEDROCK_CONVERSE,
        t,
        sink);
    Emitted last = sink.events.get(sink.events.size() - 1);
    assertEquals("error", last.event());
    assertJson(
        parse(
            "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many requests, please wait before trying again.\"}}"),
        last.json());
  }
}
