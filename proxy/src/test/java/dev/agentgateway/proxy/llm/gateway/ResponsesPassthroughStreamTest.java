package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.llm.format.StreamListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesPassthroughStreamTest {
  private final List<String> events = new ArrayList<>();

  private void emit(String event, String data) {
    events.add(event + " " + data);
  }

  @Test
  void relaysEventsUnchangedAndReadsTheFinalUsage() {
    int[] first = new int[1];
    ResponsesPassthroughStream s =
        new ResponsesPassthroughStream(
            new StreamListener() {
              @Override
              public void firstOutput() {
                first[0]++;
              }
            });
    s.onEvent("response.created", "{\"type\":\"response.created\"}", this::emit);
    s.onEvent("response.output_text.delta", "{\"delta\":\"Hi\"}", this::emit);
    s.onEvent("response.output_text.delta", "{\"delta\":\"!\"}", this::emit);
    s.onEvent(
        "response.completed",
        "{\"response\":{\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}}",
        this::emit);
    assertTrue(s.completed());
    assertEquals(1, first[0]);
    assertEquals(5, s.usage().inputTokens());
    assertEquals(2, s.usage().outputTokens());
    assertEquals("response.output_text.delta {\"delta\":\"Hi\"}", events.get(1));
  }

  @Test
  void aCutStreamEndsWithOneErrorEvent() {
    ResponsesPassthroughStream s = new ResponsesPassthroughStream(StreamListener.NONE);
    s.onEvent("response.created", "{}", this::emit);
    s.onEnd(this::emit);
    s.onEnd(this::emit);
    assertFalse(s.completed());
    assertEquals(2, events.size());
    assertTrue(events.get(1).startsWith("error {\"type\":\"error\""), events.toString());
  }
}
