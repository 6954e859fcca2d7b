package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ChatRequestTranslationTest {

  @Test
  void translatesAFullChatRequestToAnthropicMessages() {
    assertJson(
        json("anthropic/request-from-chat.json"),
        ChatToAnthropicRequest.translate(json("chat/request-full.json")));
  }

  @Test
  void translatesAFullChatRequestToGeminiGenerateContent() {
    assertJson(
        json("gemini/request-from-chat.json"),
        ChatToGeminiRequest.translate(json("chat/request-full.json")));
  }

  @Test
  void translatesAFullChatRequestToBedrockConverse() {
    ChatToBedrockRequest.Result r = ChatToBedrockRequest.translate(json("chat/request-full.json"));
    assertJson(json("bedrock/request-from-chat.json"), r.body());
    assertEquals("get_weather", r.toolNames().toClient("get_weather"));
  }

  @Test
  void doesNotChangeTheClientsRequest() {
    ObjectNode request = json("chat/request-full.json");
    String before = request.toString();
    ChatToAnthropicRequest.translate(request);
    ChatToGeminiRequest.translate(request);
    ChatToBedrockRequest.translate(request);
    assertEquals(before, request.toString());
  }

  @Test
  void anthropicGetsADefaultMaxTokensAndTheOlderMaxTokensField() {
    JsonNode none =
        ChatToAnthropicRequest.translate(
            parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    assertEquals(ChatToAnthropicRequest.DEFAULT_MAX_TOKENS, none.get("max_tokens").asLong());
    JsonNode old =
        ChatToAnthropicRequest.translate(
            parse("{\"max_tokens\":77,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    assertEquals(77, old.get("max_tokens").asLong());
  }

  @Test
  void mapsToolChoicesForEachProvider() {
    String base =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}}],";
    JsonNode required = parse(base + "\"tool_choice\":\"required\",\"parallel_tool_calls\":false}");
    JsonNode named =
        parse(base + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}}");
    JsonNode none = parse(base + "\"tool_choice\":\"none\"}");

    assertJson(
        parse("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"),
        ChatToAnthropicRequest.translate(required).get("tool_choice"));
    assertJson(
        parse("{\"type\":\"tool\",\"name\":\"f\"}"),
        ChatToAnthropicRequest.translate(named).get("tool_choice"));
    assertJson(
        parse("{\"type\":\"none\"}"), ChatToAnthropicRequest.translate(none).get("tool_choice"));

    assertJson(
        parse("{\"functionCallingConfig\":{\"mode\":\"ANY\"}}"),
        ChatToGeminiRequest.translate(required).get("toolConfig"));
    assertJson(
        parse("{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"f\"]}}"),
        ChatToGeminiRequest.translate(named).get("toolConfig"));
    assertJson(
        parse("{\"functionCallingConfig\":{\"mode\":\"NONE\"}}"),
        ChatToGeminiRequest.translate(none).get("toolConfig"));

    assertJson(
        parse("{\"any\":{}}"),
        ChatToBedrockRequest.translate(required).body().path("toolConfig").get("toolChoice"));
    assertJson(
        parse("{\"tool\":{\"name\":\"f\"}}"),
        ChatToBedrockRequest.translate(named).body().path("toolConfig").get("toolChoice"));
    assertFalse(ChatToBedrockRequest.translate(none).body().path("toolConfig").has("toolChoice"));
  }

  @Test
  void sanitisesBedrockToolNamesInToolsAndHistoryAndMapsThemBack() {
    JsonNode request =
        parse(
            """
        {"messages":[{"role":"user","content":"hi"},
          {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"weather.lookup/v2","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"c1","content":"ok"}],
         "tools":[{"type":"function","function":{"name":"weather.lookup/v2"}},
                  {"type":"function","function":{"name":"weather_lookup_v2"}}],
         "tool_choice":{"type":"function","function":{"name":"weather.lookup/v2"}}}
        """);
    ChatToBedrockRequest.Result r = ChatToBedrockRequest.translate(request);
    JsonNode tools = r.body().path("toolConfig").path("tools");
    String sent = tools.path(0).path("toolSpec").path("name").asText();
    assertTrue(sent.matches("[a-zA-Z0-9_-]{1,64}"), sent);
    // the valid name the client really uses keeps its name; the sanitised one gets another
    assertEquals("weather_lookup_v2", tools.path(1).path("toolSpec").path("name").asText());
    assertFalse(sent.equals("weather_lookup_v2"));
    assertEquals(
        sent,
        r.body()
            .path("messages")
            .path(1)
            .path("content")
            .path(0)
            .path("toolUse")
            .path("name")
            .asText());
    assertEquals(
        sent, r.body().path("toolConfig").path("toolChoice").path("tool").path("name").asText());
    assertEquals("weather.lookup/v2", r.toolNames().toClient(sent));
  }

  @Test
  void truncatesOverlongBedrockToolNames() {
    String longName = "x".repeat(100);
    BedrockToolNames names = BedrockToolNames.of(java.util.List.of(longName));
    assertEquals(64, names.toBedrock(longName).length());
    assertEquals(longName, names.toClient(names.toBedrock(longName)));
  }

  @Test
  void passesRemoteImagesToAnthropicAndRefusesThemForGeminiAndBedrock() {
    JsonNode request =
        parse(
            """
        {"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}
        """);
    assertJson(
        parse(
            "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.png\"}}"),
        ChatToAnthropicRequest.translate(request).path("messages").path(0).path("content").path(0));
    FormatException gemini =
        assertThrows(FormatException.class, () -> ChatToGeminiRequest.translate(request));
    assertTrue(
        gemini.getMessage().startsWith("messages[0].content[0].image_url.url"),
        gemini.getMessage());
    FormatException bedrock =
        assertThrows(FormatException.class, () -> ChatToBedrockRequest.translate(request));
    assertTrue(bedrock.getMessage().contains("base64 data: URL"), bedrock.getMessage());
  }

  @Test
  void refusesToolResultsThatAnswerNoCallForGemini() {
    JsonNode request =
        parse("{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"nope\",\"content\":\"x\"}]}");
    FormatException e =
        assertThrows(FormatException.class, () -> ChatToGeminiRequest.translate(request));
    assertTrue(e.getMessage().startsWith("messages[0].tool_call_id"), e.getMessage());
  }

  @Test
  void refusesToolArgumentsThatAreNotAJsonObject() {
    JsonNode request =
        parse(
            """
        {"messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"[1]"}}]}]}
        """);
    FormatException e =
        assertThrows(FormatException.class, () -> ChatToAnthropicRequest.translate(request));
    assertEquals(
        "messages[0].tool_calls[0].function.arguments must be a JSON object", e.getMessage());
  }

  @Test
  void carriesGeminiThoughtSignaturesBackFromTheToolCallId() {
    JsonNode request =
        parse(
            """
        {"messages":[{"role":"assistant","tool_calls":[{"id":"call_0__thought__CiQB","type":"function","function":{"name":"f","arguments":"{}"}}]},
                     {"role":"tool","tool_call_id":"call_0__thought__CiQB","content":"done"}]}
        """);
    JsonNode out = ChatToGeminiRequest.translate(request);
    assertEquals(
        "CiQB",
        out.path("contents").path(0).path("parts").path(0).path("thoughtSignature").asText());
    assertEquals(
        "f",
        out.path("contents")
            .path(1)
            .path("parts")
            .path(0)
            .path("functionResponse")
            .path("name")
            .asText());
  }

  @Test
  void keepsGeminiSchemaPropertiesNamedLikeRefusedKeywords() {
    JsonNode request =
        parse(
            """
        {"messages":[{"role":"user","content":"hi"}],
         "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","$schema":"x","additionalProperties":false,
           "properties":{"strict":{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"}}}}}}}]}
        """);
    JsonNode params =
        ChatToGeminiRequest.translate(request)
            .path("tools")
            .path(0)
            .path("functionDeclarations")
            .path(0)
            .path("parameters");
    assertJson(
        parse(
            "{\"type\":\"object\",\"properties\":{\"strict\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}}"),
        params);
  }

  @Test
  void refusesMultipleChoicesWhereTheProviderHasNone() {
    JsonNode request = parse("{\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThrows(FormatException.class, () -> ChatToAnthropicRequest.translate(request));
    assertEquals(
        2,
        ChatToGeminiRequest.translate(request)
            .path("generationConfig")
            .path("candidateCount")
            .asInt());
  }
}
