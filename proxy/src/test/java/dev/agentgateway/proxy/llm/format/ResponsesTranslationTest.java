package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.json;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ResponsesTranslationTest {

  @Test
  void translatesAResponsesRequestWithParallelCallsAndResultsToChat() {
    assertJson(
        json("chat/request-from-responses.json"),
        ResponsesToChatRequest.translate(json("responses/request.json")));
  }

  @Test
  void aStringInputIsOneUserMessage() {
    JsonNode out = ResponsesToChatRequest.translate(parse("{\"model\":\"m\",\"input\":\"hi\"}"));
    assertJson(parse("[{\"role\":\"user\",\"content\":\"hi\"}]"), out.path("messages"));
  }

  @Test
  void refusesStateTheGatewayDoesNotKeepAndBuiltInTools() {
    FormatException state =
        assertThrows(
            FormatException.class,
            () ->
                ResponsesToChatRequest.translate(
                    parse("{\"previous_response_id\":\"resp_1\",\"input\":\"hi\"}")));
    assertTrue(state.getMessage().startsWith("previous_response_id"));
    FormatException tool =
        assertThrows(
            FormatException.class,
            () ->
                ResponsesToChatRequest.translate(
                    parse("{\"input\":\"hi\",\"tools\":[{\"type\":\"web_search_preview\"}]}")));
    assertEquals("tools[0] must be a function tool with a name", tool.getMessage());
  }

  @Test
  void translatesAChatCompletionToAResponsesAnswer() {
    ObjectNode out =
        ChatToResponsesResponse.translate(json("chat/response-tool-calls.json"), "fallback");
    assertEquals("response", out.path("object").asText());
    assertTrue(out.path("id").asText().startsWith("resp_"));
    assertEquals("completed", out.path("status").asText());
    assertEquals("gpt-4.1-2025-04-14", out.path("model").asText());
    assertJson(
        parse(
            """
            [{"type":"function_call","id":"fc_call_abc","call_id":"call_abc","name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}","status":"completed"},
             {"type":"function_call","id":"fc_call_def","call_id":"call_def","name":"get_time","arguments":"{}","status":"completed"}]
            """),
        out.path("output"));
    assertJson(
        parse(
            "{\"input_tokens\":1117,\"input_tokens_details\":{\"cached_tokens\":1024},\"output_tokens\":46,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":1163}"),
        out.path("usage"));
  }

  @Test
  void aTruncatedAnswerIsIncomplete() {
    ObjectNode out =
        ChatToResponsesResponse.translate(
            parse(
                "{\"model\":\"m\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Par\"},\"finish_reason\":\"length\"}]}"),
            "m");
    assertEquals("incomplete", out.path("status").asText());
    assertEquals("max_output_tokens", out.path("incomplete_details").path("reason").asText());
    assertEquals("Par", out.path("output").path(0).path("content").path(0).path("text").asText());
  }

  @Test
  void streamedResponsesRequestsAskTheChatProviderForUsage() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_RESPONSES, ProviderFormat.OPENAI_CHAT);
    TranslatedRequest r =
        c.request((ObjectNode) parse("{\"model\":\"m\",\"input\":\"hi\",\"stream\":true}"));
    assertTrue(r.body().path("stream_options").path("include_usage").asBoolean());
    assertTrue(c.stream(r.context(), StreamListener.NONE) instanceof ChatToResponsesStream);
  }
}
