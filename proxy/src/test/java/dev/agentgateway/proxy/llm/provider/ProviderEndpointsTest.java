package dev.agentgateway.proxy.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderEndpointsTest {
  private static AiProvider at(AiProvider.Spec spec) {
    return new AiProvider("p", spec, null, null, null);
  }

  private static String url(AiProvider p, RouteType route, String model, boolean stream) {
    return ProviderEndpoints.resolve(p, route, model, stream).uri().toString();
  }

  @Test
  void defaultHostsUseTlsOn443() {
    AiProvider openai = at(new AiProvider.OpenAi(null));
    assertEquals(
        "https://api.openai.com/v1/chat/completions",
        url(openai, RouteType.COMPLETIONS, "m", true));
    assertEquals(
        "https://api.openai.com/v1/responses", url(openai, RouteType.RESPONSES, null, false));
    assertEquals(
        "https://api.openai.com/v1/embeddings", url(openai, RouteType.EMBEDDINGS, null, false));
    assertEquals("https://api.openai.com/v1/models", url(openai, RouteType.MODELS, null, false));
    AiProvider anthropic = at(new AiProvider.Anthropic(null));
    assertEquals(
        "https://api.anthropic.com/v1/messages", url(anthropic, RouteType.MESSAGES, "m", true));
    assertEquals(
        "https://api.anthropic.com/v1/messages/count_tokens",
        url(anthropic, RouteType.ANTHROPIC_TOKEN_COUNT, "m", false));
    ProviderEndpoint e = ProviderEndpoints.resolve(anthropic, RouteType.MESSAGES, null, false);
    assertEquals(true, e.tls());
    assertEquals(443, e.port());
    assertEquals("api.anthropic.com", e.authority());
  }

  @Test
  void geminiStreamsWithAltSse() {
    AiProvider gemini = at(new AiProvider.Gemini(null));
    assertEquals(
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent",
        url(gemini, RouteType.GENERATE_CONTENT, "gemini-2.5-flash", false));
    assertEquals(
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        url(gemini, RouteType.GENERATE_CONTENT, "gemini-2.5-flash", true));
    assertEquals(
        "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
        url(gemini, RouteType.COMPLETIONS, "gemini-2.5-flash", true));
    assertThrows(
        UnsupportedRouteException.class,
        () -> ProviderEndpoints.resolve(gemini, RouteType.GENERATE_CONTENT, null, false));
  }

  @Test
  void vertexPicksItsHostByRegionAndItsApiByModel() {
    AiProvider regional = at(new AiProvider.Vertex(null, "proj", "us-central1"));
    assertEquals(
        "https://us-central1-aiplatform.googleapis.com/v1/projects/proj/locations/us-central1"
            + "/publishers/anthropic/models/claude-sonnet-4%4020250514:streamRawPredict",
        url(regional, RouteType.MESSAGES, "claude-sonnet-4@20250514", true));
    AiProvider global = at(new AiProvider.Vertex(null, "proj", "global"));
    assertEquals(
        "https://aiplatform.googleapis.com/v1/projects/proj/locations/global"
            + "/publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
        url(global, RouteType.GENERATE_CONTENT, "gemini-2.5-pro", true));
    assertEquals(
        "https://aiplatform.us.rep.googleapis.com/v1/projects/proj/locations/us"
            + "/endpoints/openapi/chat/completions",
        url(at(new AiProvider.Vertex(null, "proj", "us")), RouteType.COMPLETIONS, "m", false));
  }

  @Test
  void bedrockSendsChatToConverseWithTheModelIdEncoded() {
    AiProvider bedrock = at(new AiProvider.Bedrock(null, "eu-west-1"));
    assertEquals(
        "https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
        url(bedrock, RouteType.COMPLETIONS, "anthropic.claude-3-haiku-20240307-v1:0", false));
    assertEquals(
        "https://bedrock-runtime.eu-west-1.amazonaws.com/model/m/converse-stream",
        url(bedrock, RouteType.MESSAGES, "m", true));
  }

  @Test
  void azureUsesTheV1ApiUnlessADatedVersionIsSet() {
    AiProvider v1 =
        at(new AiProvider.Azure(null, "res", AiProvider.AzureResourceType.OPENAI, null, null));
    assertEquals(
        "https://res.openai.azure.com/openai/v1/chat/completions",
        url(v1, RouteType.COMPLETIONS, "gpt-4o", false));
    AiProvider dated =
        at(
            new AiProvider.Azure(
                null, "res", AiProvider.AzureResourceType.OPENAI, "2024-10-21", null));
    assertEquals(
        "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
        url(dated, RouteType.COMPLETIONS, "gpt-4o", false));
    AiProvider foundry =
        at(new AiProvider.Azure(null, "res", AiProvider.AzureResourceType.FOUNDRY, null, "proj"));
    assertEquals(
        "https://res.services.ai.azure.com/api/projects/proj/openai/v1/responses",
        url(foundry, RouteType.RESPONSES, "m", false));
  }

  @Test
  void overridesPointAtAPlainHttpStandIn() {
    Backend.Host local = new Backend.Host("127.0.0.1", 18080);
    AiProvider p =
        new AiProvider(
            "p", new AiProvider.OpenAi(null), local, null, "/v1", false, null, null, Map.of());
    ProviderEndpoint e = ProviderEndpoints.resolve(p, RouteType.COMPLETIONS, null, false);
    assertEquals("http://127.0.0.1:18080/v1/chat/completions", e.uri().toString());
    assertEquals("127.0.0.1:18080", e.authority());
    AiProvider noPrefix = new AiProvider("p", new AiProvider.Anthropic(null), local, null, null);
    assertEquals(
        "http://127.0.0.1:18080/v1/messages", url(noPrefix, RouteType.MESSAGES, null, false));
    AiProvider override =
        new AiProvider("p", new AiProvider.OpenAi(null), local, "/custom/chat", null);
    assertEquals(
        "http://127.0.0.1:18080/custom/chat", url(override, RouteType.COMPLETIONS, null, false));
    AiProvider tls =
        new AiProvider(
            "p",
            new AiProvider.OpenAi(null),
            new Backend.Host("llm.example.com", 443),
            null,
            null,
            true,
            null,
            null,
            Map.of());
    assertEquals(
        "https://llm.example.com/v1/embeddings", url(tls, RouteType.EMBEDDINGS, null, false));
  }

  @Test
  void customProvidersServeOnlyTheirFormats() {
    AiProvider groq =
        new AiProvider(
            "groq",
            new AiProvider.Custom(
                null,
                "groq",
                List.of(
                    new AiProvider.FormatPath(AiProvider.ProviderFormat.COMPLETIONS, null),
                    new AiProvider.FormatPath(AiProvider.ProviderFormat.RERANK, "/v2/rerank"))),
            new Backend.Host("api.groq.com", 443),
            null,
            "/openai/v1",
            true,
            null,
            null,
            Map.of());
    assertEquals(
        "https://api.groq.com/openai/v1/chat/completions",
        url(groq, RouteType.COMPLETIONS, "m", false));
    assertEquals("https://api.groq.com/v2/rerank", url(groq, RouteType.RERANK, "m", false));
    assertEquals("https://api.groq.com/openai/v1/models", url(groq, RouteType.MODELS, null, false));
    UnsupportedRouteException e =
        assertThrows(
            UnsupportedRouteException.class,
            () -> ProviderEndpoints.resolve(groq, RouteType.MESSAGES, "m", false));
    assertEquals("groq has no messages endpoint", e.getMessage());
  }
}
