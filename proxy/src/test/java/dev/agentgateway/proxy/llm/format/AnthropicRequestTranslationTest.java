package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AnthropicRequestTranslationTest {

  @Test
  void translatesAFullMessagesRequestToOpenAiChat() {
    assertJson(
        json("chat/request-from-anthropic.json"),
        AnthropicToChatRequest.translate(json("anthropic/request-full.json")));
  }

  @Test
  void marksFailedToolResultsAndKeepsAPlainStringSystem() {
    JsonNode out =
        AnthropicToChatRequest.translate(
            parse(
                """
        {"model":"m","max_tokens":5,"system":"Be brief.","messages":[
          {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]},
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"boom","is_error":true}]}]}
        """));
    assertJson(
        parse("{\"role\":\"system\",\"content\":\"Be brief.\"}"), out.path("messages").path(0));
    assertJson(
        parse(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}"),
        out.path("messages").path(1));
    assertJson(
        parse("{\"role\":\"tool\",\"tool_call_id\":\"t1\",\"content\":\"Error: boom\"}"),
        out.path("messages").path(2));
  }

  @Test
  void refusesServerToolsThatHaveNoOpenAiForm() {
    JsonNode request =
        parse(
            """
        {"max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]}
        """);
    FormatException e =
        assertThrows(FormatException.class, () -> AnthropicToChatRequest.translate(request));
    assertEquals("tools[0] must be a custom tool with name and input_schema", e.getMessage());
  }
}
