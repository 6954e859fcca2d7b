package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ConversionsTest {

  @Test
  void supportsTheChatAndMessagesConversions() {
    for (ProviderFormat p : ProviderFormat.values()) {
      assertTrue(Conversions.supports(ClientFormat.OPENAI_CHAT, p), p.name());
    }
    assertTrue(
        Conversions.supports(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.ANTHROPIC_MESSAGES));
    assertTrue(Conversions.supports(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.OPENAI_CHAT));
    assertTrue(
        Conversions.supports(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.BEDROCK_CONVERSE));
    assertTrue(Conversions.supports(ClientFormat.OPENAI_RESPONSES, ProviderFormat.OPENAI_CHAT));
  }

  @Test
  void chatPassthroughAsksForUsageAndRemembersTheClientDidNot() {
    ObjectNode body =
        (ObjectNode)
            parse(
                "{\"model\":\"gpt-4.1\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    TranslatedRequest r =
        Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.OPENAI_CHAT).request(body);
    assertTrue(r.body().path("stream_options").path("include_usage").asBoolean());
    assertFalse(body.has("stream_options"));
    assertEquals(StreamContext.of("gpt-4.1", true, false), r.context());
  }

  @Test
  void bedrockRequestsCarryTheirToolNamesToTheStream() {
    ObjectNode body = json("chat/request-full.json");
    Conversion c = Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.BEDROCK_CONVERSE);
    TranslatedRequest r = c.request(body);
    assertEquals("claude-sonnet-4-5", r.context().model());
    assertTrue(r.context().stream());
    assertInstanceOf(BedrockToChatStream.class, c.stream(r.context(), StreamListener.NONE));
    assertEquals(1845, c.usage(json("bedrock/response-tool-use.json")).total());
  }

  @Test
  void messagesClientsOnAChatProviderGetAnthropicAnswers() {
    Conversion c = Conversions.of(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.OPENAI_CHAT);
    TranslatedRequest r = c.request(json("anthropic/request-full.json"));
    assertTrue(r.body().path("stream_options").path("include_usage").asBoolean());
    assertEquals(
        "message",
        c.response(json("chat/response-tool-calls.json"), r.context()).path("type").asText());
    assertInstanceOf(ChatToAnthropicStream.class, c.stream(r.context(), StreamListener.NONE));
  }
}
