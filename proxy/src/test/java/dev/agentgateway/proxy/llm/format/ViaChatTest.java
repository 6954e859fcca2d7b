package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static dev.agentgateway.proxy.llm.format.StreamTranslationTest.all;
import static dev.agentgateway.proxy.llm.format.StreamTranslationTest.counts;
import static dev.agentgateway.proxy.llm.format.StreamTranslationTest.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.Fixtures.Emitted;
import dev.agentgateway.proxy.llm.format.Fixtures.RecordingSink;
import dev.agentgateway.proxy.llm.format.StreamTranslationTest.Listener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client formats with no direct translation to the provider go through OpenAI chat. */
class ViaChatTest {

  @Test
  void responsesAndMessagesClientsReachEveryProvider() {
    for (ProviderFormat p : ProviderFormat.values()) {
      assertTrue(Conversions.supports(ClientFormat.OPENAI_RESPONSES, p), p.name());
      assertTrue(Conversions.supports(ClientFormat.ANTHROPIC_MESSAGES, p), p.name());
    }
  }

  @Test
  void responsesRequestBecomesAnAnthropicRequestThatAsksForNothingExtra() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_RESPONSES, ProviderFormat.ANTHROPIC_MESSAGES);
    ObjectNode body =
        (ObjectNode)
            parse(
                "{\"model\":\"claude-sonnet-4-5\",\"stream\":true,\"instructions\":\"Be brief.\","
                    + "\"input\":\"Say hello.\",\"max_output_tokens\":64}");
    TranslatedRequest r = c.request(body);
    assertEquals("Be brief.", r.body().at("/system/0/text").asText());
    assertEquals("Say hello.", r.body().at("/messages/0/content/0/text").asText());
    assertEquals(64, r.body().path("max_tokens").asInt());
    assertTrue(r.body().path("stream").asBoolean());
    assertFalse(r.body().has("stream_options"), "chat-only fields do not leak to Anthropic");
    assertEquals("claude-sonnet-4-5", r.context().model());
  }

  @Test
  void anthropicAnswerBecomesAResponsesAnswer() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_RESPONSES, ProviderFormat.ANTHROPIC_MESSAGES);
    ObjectNode answer =
        c.response(
            json("anthropic/response-tool-use.json"),
            StreamContext.of("claude-sonnet-4-5", false, false));
    assertEquals("response", answer.path("object").asText());
    JsonNode call = answer.path("output").path(1);
    assertEquals("function_call", call.path("type").asText());
    assertEquals("get_weather", call.path("name").asText());
    assertTrue(answer.at("/usage/input_tokens").asLong() > 0);
  }

  @Test
  void anthropicStreamBecomesResponsesEventsAsEachArrives() {
    Listener listener = new Listener();
    Conversion c = Conversions.of(ClientFormat.OPENAI_RESPONSES, ProviderFormat.ANTHROPIC_MESSAGES);
    StreamTranslator t = c.stream(StreamContext.of("claude-sonnet-4-5", true, true), listener);
    List<List<Emitted>> steps =
        feed(t, Fixtures.sse("anthropic/stream-tool-use.sse"), new RecordingSink());
    // message_start opens the response; each text and argument delta is emitted as it arrives
    assertEquals(List.of(2, 0, 0, 3, 1, 0, 4, 0, 1, 1, 0, 2, 1), counts(steps));
    List<Emitted> all = all(steps);
    assertEquals("response.output_text.delta", all.get(4).event());
    assertEquals("Okay,", all.get(4).json().path("delta").asText());
    Emitted completed = all.get(all.size() - 1);
    assertEquals("response.completed", completed.event());
    JsonNode usage = completed.json().at("/response/usage");
    assertEquals(1472, usage.path("input_tokens").asLong());
    assertEquals(89, usage.path("output_tokens").asLong());
    assertEquals(1, listener.firstOutputs);
    assertEquals(1561, listener.last.total());
    assertEquals(1561, t.usage().total());
    assertTrue(t.completed());
  }

  @Test
  void messagesClientOnGeminiGetsAnthropicEvents() {
    Conversion c = Conversions.of(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.GEMINI);
    ObjectNode body =
        (ObjectNode)
            parse(
                "{\"model\":\"gemini-2.5-flash\",\"max_tokens\":100,\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}");
    TranslatedRequest r = c.request(body);
    assertEquals("Why is the sky blue?", r.body().at("/contents/0/parts/0/text").asText());
    StreamTranslator t = c.stream(r.context(), new Listener());
    RecordingSink sink = new RecordingSink();
    List<Emitted> all = new ArrayList<>(all(feed(t, Fixtures.sse("gemini/stream.sse"), sink)));
    // Gemini has no closing event: the end of its stream closes the message
    t.onEnd(sink);
    all.addAll(sink.drain());
    assertEquals("message_start", all.get(0).event());
    assertEquals("message_stop", all.get(all.size() - 1).event());
    StringBuilder text = new StringBuilder();
    for (Emitted e : all) {
      if (e.event().equals("content_block_delta")) {
        text.append(e.json().at("/delta/text").asText());
      }
    }
    assertEquals("The sky is blue.", text.toString());
    assertTrue(t.completed());
  }

  @Test
  void aCutProviderStreamEndsTheClientStreamWithItsOwnError() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_RESPONSES, ProviderFormat.ANTHROPIC_MESSAGES);
    StreamTranslator t = c.stream(StreamContext.of("claude", true, false), new Listener());
    RecordingSink sink = new RecordingSink();
    feed(t, Fixtures.sse("anthropic/stream-tool-use.sse").subList(0, 4), sink);
    t.onEnd(sink);
    List<Emitted> tail = sink.drain();
    assertEquals("error", tail.get(tail.size() - 1).event());
    assertFalse(t.completed());
    assertTrue(t.outputStarted());
  }
}
