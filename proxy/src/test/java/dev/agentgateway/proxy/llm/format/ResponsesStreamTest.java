package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.llm.format.Fixtures.Emitted;
import dev.agentgateway.proxy.llm.format.Fixtures.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesStreamTest {

  @Test
  void chatChunksBecomeResponsesEventsAsEachArrives() {
    StreamTranslator t =
        new ChatToResponsesStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    List<List<Emitted>> steps =
        StreamTranslationTest.feed(
            t, Fixtures.sse("chat/stream-tool-calls.sse"), new RecordingSink());
    assertEquals(List.of(2, 3, 4, 1, 1, 2, 1, 0), StreamTranslationTest.counts(steps));
    List<Emitted> all = StreamTranslationTest.all(steps);
    assertEquals(
        List.of(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.output_item.added",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.done",
            "response.output_item.done",
            "response.completed"),
        all.stream().map(Emitted::event).toList());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i, all.get(i).json().path("sequence_number").asInt());
      assertEquals(all.get(i).event(), all.get(i).json().path("type").asText());
    }
    assertEquals("Checking", all.get(4).json().path("delta").asText());
    JsonNode completed = all.get(13).json().path("response");
    assertEquals("completed", completed.path("status").asText());
    assertEquals("gpt-4.1-2025-04-14", completed.path("model").asText());
    assertEquals(
        "Checking", completed.path("output").path(0).path("content").path(0).path("text").asText());
    assertJson(
        parse(
            "{\"id\":\"fc_call_abc\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_abc\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}"),
        completed.path("output").path(1));
    assertEquals(1117, completed.path("usage").path("input_tokens").asLong());
    assertTrue(t.completed());
  }

  @Test
  void aCutChatStreamEndsTheResponsesStreamWithAnErrorEvent() {
    StreamTranslator t =
        new ChatToResponsesStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    RecordingSink sink = new RecordingSink();
    StreamTranslationTest.feed(t, Fixtures.sse("chat/stream-tool-calls.sse").subList(0, 2), sink);
    t.onEnd(sink);
    Emitted last = sink.events.get(sink.events.size() - 1);
    assertEquals("error", last.event());
    assertEquals("server_error", last.json().path("code").asText());
  }
}
