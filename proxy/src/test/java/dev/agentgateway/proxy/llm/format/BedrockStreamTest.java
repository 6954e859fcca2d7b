package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.format.Fixtures.Emitted;
import dev.agentgateway.proxy.llm.format.Fixtures.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recorded-shape ConverseStream answer, framed as AWS event-stream, through the relay. */
class BedrockStreamTest {
  static final BedrockToolNames NAMES = BedrockToolNames.of(List.of("weather.lookup/v2"));

  static byte[] converseStream(boolean withException) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        EventStreamEncoder.event("messageStart", "{\"p\":\"abcdefgh\",\"role\":\"assistant\"}"));
    out.writeBytes(
        EventStreamEncoder.event(
            "contentBlockDelta",
            "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Let me check.\"},\"p\":\"abcd\"}"));
    if (withException) {
      out.writeBytes(
          EventStreamEncoder.exception(
              "throttlingException",
              "{\"message\":\"Too many requests, please wait before trying again.\"}"));
      return out.toByteArray();
    }
    out.writeBytes(
        EventStreamEncoder.event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcd\"}"));
    out.writeBytes(
        EventStreamEncoder.event(
            "contentBlockStart",
            "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_kZJ\",\"name\":\"weather_lookup_v2\"}},\"p\":\"ab\"}"));
    out.writeBytes(
        EventStreamEncoder.event(
            "contentBlockDelta",
            "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\":\"}},\"p\":\"ab\"}"));
    out.writeBytes(
        EventStreamEncoder.event(
            "contentBlockDelta",
            "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"\\\"Paris\\\"}\"}},\"p\":\"ab\"}"));
    out.writeBytes(
        EventStreamEncoder.event("contentBlockStop", "{\"contentBlockIndex\":1,\"p\":\"ab\"}"));
    out.writeBytes(
        EventStreamEncoder.event("messageStop", "{\"stopReason\":\"tool_use\",\"p\":\"abcdef\"}"));
    out.writeBytes(
        EventStreamEncoder.event(
            "metadata",
            "{\"usage\":{\"inputTokens\":300,\"outputTokens\":45,\"totalTokens\":1845,\"cacheReadInputTokens\":1500,\"cacheWriteInputTokens\":0},\"metrics\":{\"latencyMs\":1245},\"p\":\"ab\"}"));
    return out.toByteArray();
  }

  /** Hands out one byte per read, so every frame is split across many reads. */
  static InputStream oneByteAtATime(byte[] bytes) {
    return new FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(1, len));
      }
    };
  }

  static JsonNode delta(Emitted e) {
    return e.json().path("choices").path(0).path("delta");
  }

  @Test
  void converseStreamEventsBecomeChatChunksWithTheClientsToolName() {
    RecordingSink sink = new RecordingSink();
    StreamTranslator t =
        new BedrockToChatStream(
            new StreamContext("anthropic.claude", true, true, NAMES), StreamListener.NONE);
    TokenUsage usage =
        StreamRelay.relay(
            oneByteAtATime(converseStream(false)), ProviderFormat.BEDROCK_CONVERSE, t, sink);

    List<Emitted> e = sink.events;
    assertEquals(8, e.size());
    assertJson(parse("{\"content\":\"\",\"role\":\"assistant\"}"), delta(e.get(0)));
    assertEquals("anthropic.claude", e.get(0).json().path("model").asText());
    assertJson(parse("{\"content\":\"Let me check.\"}"), delta(e.get(1)));
    assertJson(
        parse(
            "{\"tool_calls\":[{\"index\":0,\"id\":\"tooluse_kZJ\",\"type\":\"function\",\"function\":{\"name\":\"weather.lookup/v2\",\"arguments\":\"\"}}]}"),
        delta(e.get(2)));
    assertJson(
        parse("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}"),
        delta(e.get(3)));
    assertJson(
        parse("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}"),
        delta(e.get(4)));
    assertEquals(
        "tool_calls", e.get(5).json().path("choices").path(0).path("finish_reason").asText());
    assertEquals(1800, e.get(6).json().path("usage").path("prompt_tokens").asLong());
    assertEquals("[DONE]", e.get(7).data());
    assertEquals(new TokenUsage(1800, 1500, 0, 45, 0, 300), usage);
    assertTrue(t.completed());
  }

  @Test
  void aThrottlingExceptionMidStreamBecomesAnOpenAiRateLimitError() {
    RecordingSink sink = new RecordingSink();
    StreamTranslator t =
        new BedrockToChatStream(new StreamContext("m", true, false, NAMES), StreamListener.NONE);
    StreamRelay.relay(
        new java.io.ByteArrayInputStream(converseStream(true)),
        ProviderFormat.BEDROCK_CONVERSE,
        t,
        sink);
    Emitted last = sink.events.get(sink.events.size() - 1);
    assertJson(
        parse(
            "{\"error\":{\"message\":\"Too many requests, please wait before trying again.\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":null}}"),
        last.json());
    assertEquals(3, sink.events.size());
  }

  @Test
  void aCorruptedFrameEndsTheStreamWithAnErrorAfterTheGoodFrames() {
    byte[] bytes = converseStream(false);
    bytes[bytes.length - 30] ^= 0x55; // inside the last frame's payload
    RecordingSink sink = new RecordingSink();
    StreamTranslator t =
        new BedrockToChatStream(new StreamContext("m", true, false, NAMES), StreamListener.NONE);
    StreamRelay.relay(
        new java.io.ByteArrayInputStream(bytes), ProviderFormat.BEDROCK_CONVERSE, t, sink);
    Emitted last = sink.events.get(sink.events.size() - 1);
    assertEquals(
        "reading the provider's stream failed: message checksum mismatch",
        last.json().path("error").path("message").asText());
    assertEquals(
        "tool_calls",
        sink.events.get(5).json().path("choices").path(0).path("finish_reason").asText());
  }
}
