package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.format.Fixtures.Emitted;
import dev.agentgateway.proxy.llm.format.Fixtures.RecordingSink;
import dev.agentgateway.proxy.mcp.upstream.http.SseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds recorded provider streams one event at a time and checks what each event emits at once. */
class StreamTranslationTest {

  /** Counts listener calls. */
  static final class Listener implements StreamListener {
    int firstOutputs;
    TokenUsage last = TokenUsage.NONE;

    @Override
    public void firstOutput() {
      firstOutputs++;
    }

    @Override
    public void usage(TokenUsage usage) {
      last = usage;
    }
  }

  /** Feeds each event and returns what it emitted, event by event. */
  static List<List<Emitted>> feed(StreamTranslator t, List<SseEvent> events, RecordingSink sink) {
    List<List<Emitted>> steps = new ArrayList<>();
    for (SseEvent e : events) {
      t.onEvent(e.type(), e.data(), sink);
      steps.add(sink.drain());
    }
    return steps;
  }

  static List<Emitted> all(List<List<Emitted>> steps) {
    return steps.stream().flatMap(List::stream).toList();
  }

  static List<Integer> counts(List<List<Emitted>> steps) {
    return steps.stream().map(List::size).toList();
  }

  static JsonNode delta(Emitted e) {
    return e.json().path("choices").path(0).path("delta");
  }

  @Test
  void anthropicEventsBecomeChatChunksAsEachArrives() {
    Listener listener = new Listener();
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, true), listener);
    RecordingSink sink = new RecordingSink();
    List<List<Emitted>> steps = feed(t, Fixtures.sse("anthropic/stream-tool-use.sse"), sink);

    // message_start, block start, ping, 2 text deltas, stop, tool start, empty/2 json deltas, stop,
    // message_delta, message_stop
    assertEquals(List.of(1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 2), counts(steps));
    Emitted first = steps.get(0).get(0);
    assertNull(first.event());
    assertEquals("msg_014p7gG3wDgGV9EUtLvnow3U", first.json().path("id").asText());
    assertEquals("chat.completion.chunk", first.json().path("object").asText());
    assertEquals("claude-sonnet-4-5-20250929", first.json().path("model").asText());
    assertJson(parse("{\"content\":\"\",\"role\":\"assistant\"}"), delta(first));
    assertEquals("Okay,", delta(steps.get(3).get(0)).path("content").asText());
    assertFalse(delta(steps.get(3).get(0)).has("role"));
    assertJson(
        parse(
            "{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}"),
        delta(steps.get(6).get(0)));
    assertJson(
        parse("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \"}}]}"),
        delta(steps.get(8).get(0)));
    assertEquals(
        "tool_calls",
        steps.get(11).get(0).json().path("choices").path(0).path("finish_reason").asText());
    JsonNode usage = steps.get(12).get(0).json();
    assertTrue(usage.path("choices").isEmpty());
    assertEquals(1472, usage.path("usage").path("prompt_tokens").asLong());
    assertEquals(
        1000, usage.path("usage").path("prompt_tokens_details").path("cached_tokens").asLong());
    assertEquals(89, usage.path("usage").path("completion_tokens").asLong());
    assertEquals("[DONE]", steps.get(12).get(1).data());
    assertTrue(t.completed());
    assertEquals(1, listener.firstOutputs);
    assertEquals(new TokenUsage(1472, 1000, 0, 89, 0, 472), listener.last);
  }

  @Test
  void firstOutputIsSignalledByTheFirstTokenNotByTheRoleChunk() {
    Listener listener = new Listener();
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, false), listener);
    List<SseEvent> events = Fixtures.sse("anthropic/stream-tool-use.sse");
    RecordingSink sink = new RecordingSink();
    for (int i = 0; i < 3; i++) {
      t.onEvent(events.get(i).type(), events.get(i).data(), sink);
    }
    assertFalse(t.outputStarted());
    t.onEvent(events.get(3).type(), events.get(3).data(), sink);
    assertTrue(t.outputStarted());
    assertEquals(1, listener.firstOutputs);
  }

  @Test
  void withoutIncludeUsageTheChatStreamEndsWithDoneOnly() {
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, false), StreamListener.NONE);
    List<List<Emitted>> steps =
        feed(t, Fixtures.sse("anthropic/stream-tool-use.sse"), new RecordingSink());
    assertEquals(List.of("[DONE]"), steps.get(12).stream().map(Emitted::data).toList());
    assertEquals(89, t.usage().outputTokens());
  }

  @Test
  void aCutAnthropicStreamEndsTheChatStreamWithAnErrorAndKeepsTheUsageSeen() {
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, true), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    feed(t, Fixtures.sse("anthropic/stream-tool-use.sse").subList(0, 5), sink);
    t.onEnd(sink);
    List<Emitted> end = sink.drain();
    assertEquals(1, end.size());
    assertEquals("server_error", end.get(0).json().path("error").path("type").asText());
    assertFalse(t.completed());
    assertEquals(1472, t.usage().inputTokens());
  }

  @Test
  void garbageFromTheProviderEndsTheStreamWithAnErrorInsteadOfThrowing() {
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, true), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    t.onEvent("content_block_delta", "{not json", sink);
    assertEquals(
        "the provider sent a malformed stream event",
        sink.events.get(0).json().path("error").path("message").asText());
    t.onEvent("message_stop", "{}", sink);
    t.onEnd(sink);
    assertEquals(1, sink.events.size());
  }

  @Test
  void anAnthropicErrorEventBecomesAnOpenAiErrorChunk() {
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, true), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    t.onEvent(
        "error",
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
        sink);
    assertJson(
        parse(
            "{\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\",\"param\":null,\"code\":null}}"),
        sink.events.get(0).json());
  }

  @Test
  void chatChunksBecomeAnthropicEventsAsEachArrives() {
    Listener listener = new Listener();
    StreamTranslator t = new ChatToAnthropicStream(StreamContext.of("gpt", true, false), listener);
    List<List<Emitted>> steps =
        feed(t, Fixtures.sse("chat/stream-tool-calls.sse"), new RecordingSink());

    assertEquals(List.of(1, 2, 2, 1, 1, 1, 2, 0), counts(steps));
    assertEquals(List.of("message_start"), steps.get(0).stream().map(Emitted::event).toList());
    JsonNode start = steps.get(0).get(0).json().path("message");
    assertEquals("chatcmpl-9a1", start.path("id").asText());
    assertEquals("gpt-4.1-2025-04-14", start.path("model").asText());
    assertEquals(
        List.of("content_block_start", "content_block_delta"),
        steps.get(1).stream().map(Emitted::event).toList());
    assertJson(
        parse(
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
        steps.get(1).get(0).json());
    assertJson(
        parse(
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Checking\"}}"),
        steps.get(1).get(1).json());
    assertJson(parse("{\"type\":\"content_block_stop\",\"index\":0}"), steps.get(2).get(0).json());
    assertJson(
        parse(
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_abc\",\"name\":\"get_weather\",\"input\":{}}}"),
        steps.get(2).get(1).json());
    assertJson(
        parse(
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\"}}"),
        steps.get(3).get(0).json());
    assertJson(parse("{\"type\":\"content_block_stop\",\"index\":1}"), steps.get(5).get(0).json());
    assertJson(
        parse(
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"input_tokens\":93,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":1024,\"output_tokens\":46}}"),
        steps.get(6).get(0).json());
    assertEquals("message_stop", steps.get(6).get(1).event());
    assertTrue(t.completed());
    assertEquals(1, listener.firstOutputs);
    assertEquals(1117, t.usage().inputTokens());
  }

  @Test
  void aChatStreamCutBeforeItsFinishReasonEndsWithAnAnthropicErrorEvent() {
    StreamTranslator t =
        new ChatToAnthropicStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    feed(t, Fixtures.sse("chat/stream-tool-calls.sse").subList(0, 3), sink);
    t.onEnd(sink);
    Emitted last = sink.events.get(sink.events.size() - 1);
    assertEquals("error", last.event());
    assertJson(
        parse(
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"the provider's stream ended before the answer was complete\"}}"),
        last.json());
  }

  @Test
  void aChatStreamWithoutUsageClosesTheAnthropicMessageAtDone() {
    StreamTranslator t =
        new ChatToAnthropicStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    List<SseEvent> events = new ArrayList<>(Fixtures.sse("chat/stream-tool-calls.sse"));
    events.remove(6); // no usage chunk
    List<List<Emitted>> steps = feed(t, events, sink);
    assertEquals(
        List.of("message_delta", "message_stop"),
        steps.get(6).stream().map(Emitted::event).toList());
    assertTrue(t.completed());
  }

  @Test
  void geminiChunksBecomeChatChunksAndTheStreamClosesAtEof() {
    Listener listener = new Listener();
    StreamTranslator t = new GeminiToChatStream(StreamContext.of("gemini", true, true), listener);
    RecordingSink sink = new RecordingSink();
    List<List<Emitted>> steps = feed(t, Fixtures.sse("gemini/stream.sse"), sink);

    assertEquals(List.of(1, 1, 1), counts(steps));
    assertJson(
        parse("{\"content\":\"The sky\",\"role\":\"assistant\"}"), delta(steps.get(0).get(0)));
    assertEquals("QUV2aK6qL9ry", steps.get(0).get(0).json().path("id").asText());
    assertEquals("gemini-2.5-flash", steps.get(0).get(0).json().path("model").asText());
    assertEquals(" is blue.", delta(steps.get(1).get(0)).path("content").asText());
    assertEquals(
        "stop", steps.get(2).get(0).json().path("choices").path(0).path("finish_reason").asText());
    // usage is cumulative: the last chunk's counts win
    assertEquals(new TokenUsage(9, 0, 0, 18, 12, 9), t.usage());
    assertEquals(t.usage(), listener.last);
    assertFalse(t.completed());
    t.onEnd(sink);
    List<Emitted> end = sink.drain();
    assertEquals(2, end.size());
    assertEquals(18, end.get(0).json().path("usage").path("completion_tokens").asLong());
    assertEquals("[DONE]", end.get(1).data());
    assertTrue(t.completed());
  }

  @Test
  void aGeminiFunctionCallBecomesAToolCallDeltaWithToolCallsFinish() {
    StreamTranslator t =
        new GeminiToChatStream(StreamContext.of("gemini", true, false), StreamListener.NONE);
    List<List<Emitted>> steps =
        feed(t, Fixtures.sse("gemini/stream-function-call.sse"), new RecordingSink());
    assertEquals(2, steps.get(0).size());
    JsonNode call = delta(steps.get(0).get(0)).path("tool_calls").path(0);
    assertEquals(0, call.path("index").asInt());
    assertTrue(call.path("id").asText().endsWith("__thought__CiQB0e2Kb7"));
    assertEquals("{\"city\":\"Paris\"}", call.path("function").path("arguments").asText());
    assertEquals(
        "tool_calls",
        steps.get(0).get(1).json().path("choices").path(0).path("finish_reason").asText());
  }

  @Test
  void aGeminiStreamCutBeforeItsFinishReasonEndsWithAnError() {
    StreamTranslator t =
        new GeminiToChatStream(StreamContext.of("gemini", true, true), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    feed(t, Fixtures.sse("gemini/stream.sse").subList(0, 2), sink);
    t.onEnd(sink);
    assertEquals("server_error", sink.events.get(0).json().path("error").path("type").asText());
    assertEquals(5, t.usage().outputTokens());
  }

  @Test
  void chatPassthroughDropsTheUsageChunkOnlyWhenTheGatewayAskedForIt() {
    RecordingSink dropped = new RecordingSink();
    StreamTranslator gatewayAsked =
        new ChatPassthroughStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    List<Emitted> droppedEvents =
        all(feed(gatewayAsked, Fixtures.sse("chat/stream-tool-calls.sse"), dropped));
    RecordingSink kept = new RecordingSink();
    StreamTranslator clientAsked =
        new ChatPassthroughStream(StreamContext.of("gpt", true, true), StreamListener.NONE);
    List<SseEvent> events = Fixtures.sse("chat/stream-tool-calls.sse");
    List<Emitted> keptEvents = all(feed(clientAsked, events, kept));

    assertEquals(
        events.stream().map(SseEvent::data).toList(),
        keptEvents.stream().map(Emitted::data).toList());
    assertEquals(7, droppedEvents.size());
    assertEquals("[DONE]", droppedEvents.get(6).data());
    assertEquals(1117, gatewayAsked.usage().inputTokens());
    assertEquals(gatewayAsked.usage(), clientAsked.usage());
    assertTrue(gatewayAsked.completed() && gatewayAsked.outputStarted());
  }

  @Test
  void anthropicPassthroughRelaysEveryEventUnchangedAndReadsUsage() {
    StreamTranslator t = new AnthropicPassthroughStream(StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    List<SseEvent> events = Fixtures.sse("anthropic/stream-tool-use.sse");
    List<Emitted> relayed = all(feed(t, events, sink));
    assertEquals(
        events.stream().map(e -> e.type() + "|" + e.data()).toList(),
        relayed.stream().map(e -> e.event() + "|" + e.data()).toList());
    assertEquals(new TokenUsage(1472, 1000, 0, 89, 0, 472), t.usage());
    assertTrue(t.completed());
  }

  @Test
  void aCutAnthropicPassthroughEndsWithAnAnthropicErrorEvent() {
    StreamTranslator t = new AnthropicPassthroughStream(StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    feed(t, Fixtures.sse("anthropic/stream-tool-use.sse").subList(0, 4), sink);
    t.onFailure("reading the provider's stream failed: message checksum mismatch", sink);
    Emitted last = sink.events.get(sink.events.size() - 1);
    assertEquals("error", last.event());
    assertEquals("api_error", last.json().path("error").path("type").asText());
  }
}
