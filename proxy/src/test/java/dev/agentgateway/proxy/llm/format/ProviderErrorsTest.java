package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anthropicOverloadedBecomesAnOpenAiServerError() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.ANTHROPIC_MESSAGES);
    assertJson(
        parse(
            "{\"error\":{\"message\":\"Overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":\"overloaded_error\"}}"),
        c.error(
            529,
            b(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"),
            null));
    assertEquals(529, ProviderErrors.clientStatus(529));
  }

  @Test
  void anthropicRateLimitKeepsItsTypeForOpenAiClients() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.ANTHROPIC_MESSAGES);
    assertJson(
        parse(
            "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":null}}"),
        c.error(
            429,
            b(
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"),
            null));
  }

  @Test
  void googleErrorsInAnArrayBecomeOpenAiErrorsWithTheStatusAsCode() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.GEMINI);
    assertJson(
        parse(
            "{\"error\":{\"message\":\"Resource has been exhausted (e.g. check quota).\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"RESOURCE_EXHAUSTED\"}}"),
        c.error(
            429,
            b(
                "[{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}]"),
            null));
  }

  @Test
  void bedrockErrorsTakeTheirTypeFromTheErrorTypeHeader() {
    Conversion c = Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.BEDROCK_CONVERSE);
    assertJson(
        parse(
            "{\"error\":{\"message\":\"The provided model identifier is invalid.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"ValidationException\"}}"),
        c.error(
            400,
            b("{\"message\":\"The provided model identifier is invalid.\"}"),
            "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/"));
  }

  @Test
  void openAiErrorsBecomeAnthropicErrors() {
    Conversion c = Conversions.of(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.OPENAI_CHAT);
    assertJson(
        parse(
            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid value for 'model'\"}}"),
        c.error(
            400,
            b(
                "{\"error\":{\"message\":\"Invalid value for 'model'\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":null}}"),
            null));
    assertJson(
        parse(
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"The server had an error\"}}"),
        c.error(
            500,
            b("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"),
            null));
  }

  @Test
  void aBodyThatIsNotJsonKeepsTheStatusAndASafeMessage() {
    Conversion c = Conversions.of(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.OPENAI_CHAT);
    assertJson(
        parse(
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"the provider answered with status 503\"}}"),
        c.error(503, b("<html>Service Unavailable</html>"), null));
  }

  @Test
  void aNonErrorStatusWithAnErrorBodyIsABadGateway() {
    assertEquals(502, ProviderErrors.clientStatus(200));
  }

  @Test
  void untranslatableRequestsAreInvalidRequestErrorsInTheClientsShape() {
    FormatException e = new FormatException("messages[0].role 'function' is not supported");
    assertJson(
        parse(
            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages[0].role 'function' is not supported\"}}"),
        Conversions.of(ClientFormat.ANTHROPIC_MESSAGES, ProviderFormat.OPENAI_CHAT)
            .invalidRequest(e));
    assertJson(
        parse(
            "{\"error\":{\"message\":\"messages[0].role 'function' is not supported\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"),
        Conversions.of(ClientFormat.OPENAI_CHAT, ProviderFormat.GEMINI).invalidRequest(e));
  }
}
