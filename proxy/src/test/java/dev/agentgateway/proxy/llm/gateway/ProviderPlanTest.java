package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.format.ProviderFormat;
import dev.agentgateway.proxy.llm.provider.RouteType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderPlanTest {
  private static AiProvider provider(AiProvider.Spec spec) {
    return new AiProvider("p", spec, null, null, null);
  }

  private static ClientRoute route(String path) {
    return ClientRoute.of(path);
  }

  @Test
  void sameApiPairsPassThrough() {
    ProviderPlan chat =
        ProviderPlan.of(provider(new AiProvider.OpenAi(null)), route("/v1/chat/completions"), "m");
    assertTrue(chat.passthrough());
    assertEquals(RouteType.COMPLETIONS, chat.upstreamRoute());
    ProviderPlan messages =
        ProviderPlan.of(provider(new AiProvider.Anthropic(null)), route("/v1/messages"), "m");
    assertTrue(messages.passthrough());
    assertEquals(RouteType.MESSAGES, messages.upstreamRoute());
  }

  @Test
  void otherPairsAreTranslatedToTheProvidersOwnApi() {
    ProviderPlan gemini =
        ProviderPlan.of(provider(new AiProvider.Gemini(null)), route("/v1/chat/completions"), "g");
    assertEquals(ProviderFormat.GEMINI, gemini.conversion().provider());
    assertEquals(RouteType.GENERATE_CONTENT, gemini.upstreamRoute());
    ProviderPlan bedrock =
        ProviderPlan.of(
            provider(new AiProvider.Bedrock(null, "us-east-1")), route("/v1/messages"), "b");
    assertEquals(ProviderFormat.BEDROCK_CONVERSE, bedrock.conversion().provider());
    ProviderPlan vertexClaude =
        ProviderPlan.of(
            provider(new AiProvider.Vertex(null, "proj", "us-east5")),
            route("/v1/chat/completions"),
            "claude-sonnet-4-5");
    assertTrue(vertexClaude.vertexAnthropic());
    assertEquals(RouteType.MESSAGES, vertexClaude.upstreamRoute());
  }

  @Test
  void responsesGoAsTheyAreToOpenAiAndAsChatToEveryOtherProvider() {
    assertTrue(
        ProviderPlan.of(provider(new AiProvider.OpenAi(null)), route("/v1/responses"), "m").raw());
    AiProvider ollama =
        new AiProvider(
            "o",
            new AiProvider.Custom(
                null,
                "ollama",
                List.of(new AiProvider.FormatPath(AiProvider.ProviderFormat.COMPLETIONS, null))),
            new Backend.Host("127.0.0.1", 11434),
            null,
            null);
    ProviderPlan chat = ProviderPlan.of(ollama, route("/v1/responses"), "llama");
    assertEquals(ProviderFormat.OPENAI_CHAT, chat.conversion().provider());
    ProviderPlan anthropic =
        ProviderPlan.of(provider(new AiProvider.Anthropic(null)), route("/v1/responses"), "m");
    assertEquals(ProviderFormat.ANTHROPIC_MESSAGES, anthropic.conversion().provider());
    assertEquals(ClientFormat.OPENAI_RESPONSES, anthropic.conversion().client());
  }

  @Test
  void embeddingsAndTokenCountsOnlyGoWhereTheyExist() {
    assertTrue(
        ProviderPlan.of(provider(new AiProvider.OpenAi(null)), route("/v1/embeddings"), "e").raw());
    assertNull(
        ProviderPlan.of(provider(new AiProvider.Anthropic(null)), route("/v1/embeddings"), "e"));
    assertTrue(
        ProviderPlan.of(
                provider(new AiProvider.Anthropic(null)), route("/v1/messages/count_tokens"), "c")
            .raw());
    assertNull(
        ProviderPlan.of(
            provider(new AiProvider.OpenAi(null)), route("/v1/messages/count_tokens"), "c"));
  }
}
