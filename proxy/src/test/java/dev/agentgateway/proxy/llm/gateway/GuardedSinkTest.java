package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.format.EventSink;
import dev.agentgateway.proxy.llm.guard.Builtin;
import dev.agentgateway.proxy.llm.guard.PromptGuard;
import dev.agentgateway.proxy.llm.guard.PromptGuards;
import dev.agentgateway.proxy.llm.guard.RegexAction;
import dev.agentgateway.proxy.llm.guard.RegexRule;
import dev.agentgateway.proxy.llm.guard.RegexRules;
import dev.agentgateway.proxy.llm.guard.ResponseGuard;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedSinkTest {
  private final List<String[]> sent = new ArrayList<>();
  private final EventSink recorder = (event, data) -> sent.add(new String[] {event, data});

  private static PromptGuards guards(RegexAction action) {
    return PromptGuards.compile(
        new PromptGuard(
            true,
            List.of(),
            List.of(
                new ResponseGuard(
                    new RegexRules(action, List.of(RegexRule.of(Builtin.CREDIT_CARD))),
                    null,
                    null))),
        HttpClient.newHttpClient());
  }

  private static String chunk(String content, String finish) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"delta\":"
        + (content == null ? "{}" : "{\"content\":\"" + content + "\"}")
        + ",\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"")
        + "}]}";
  }

  private String openAiText() throws Exception {
    StringBuilder text = new StringBuilder();
    for (String[] e : sent) {
      if (e[1].startsWith("{")) {
        JsonNode c = Answers.JSON.readTree(e[1]).at("/choices/0/delta/content");
        if (c.isTextual()) {
          text.append(c.asText());
        }
      }
    }
    return text.toString();
  }

  @Test
  void aCardNumberSplitAcrossTwoOpenAiChunksIsMasked() throws Exception {
    EventSink sink =
        GuardedSink.wrap(
            recorder, guards(RegexAction.MASK).newResponseStream(), ClientFormat.OPENAI_CHAT);
    sink.emit(null, chunk("Your card 4111 1111 ", null));
    sink.emit(null, chunk("1111 1111 is on file.", null));
    sink.emit(null, chunk(null, "stop"));
    sink.emit(null, "[DONE]");
    String text = openAiText();
    assertEquals("Your card <CREDIT_CARD> is on file.", text);
    assertFalse(sent.stream().anyMatch(e -> e[1].contains("4111")), "no digit of the card leaks");
    assertEquals("[DONE]", sent.get(sent.size() - 1)[1]);
    assertTrue(sent.get(sent.size() - 2)[1].contains("\"finish_reason\":\"stop\""));
  }

  @Test
  void aCardNumberSplitAcrossAnthropicDeltasIsMaskedBeforeTheBlockStops() throws Exception {
    EventSink sink =
        GuardedSink.wrap(
            recorder,
            guards(RegexAction.MASK).newResponseStream(),
            ClientFormat.ANTHROPIC_MESSAGES);
    for (String part : List.of("Card: 4111-1111-", "1111-1111 ok")) {
      sink.emit(
          "content_block_delta",
          "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
              + part
              + "\"}}");
    }
    sink.emit("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    StringBuilder text = new StringBuilder();
    for (String[] e : sent) {
      if ("content_block_delta".equals(e[0])) {
        text.append(Answers.JSON.readTree(e[1]).at("/delta/text").asText());
      }
    }
    assertEquals("Card: <CREDIT_CARD> ok", text.toString());
    assertEquals("content_block_stop", sent.get(sent.size() - 1)[0]);
  }

  @Test
  void aRejectGuardEndsTheStreamWithAnErrorEvent() {
    EventSink sink =
        GuardedSink.wrap(
            recorder, guards(RegexAction.REJECT).newResponseStream(), ClientFormat.OPENAI_CHAT);
    sink.emit(null, chunk("Card 4111 1111 1111 1111 ", null));
    sink.emit(null, chunk("and more", null));
    sink.emit(null, chunk(null, "stop"));
    assertFalse(sink.open(), "the relay stops reading the provider");
    assertTrue(sent.get(sent.size() - 1)[1].contains("\"error\""), sent.get(sent.size() - 1)[1]);
    assertFalse(sent.stream().anyMatch(e -> e[1].contains("4111")));
  }
}
