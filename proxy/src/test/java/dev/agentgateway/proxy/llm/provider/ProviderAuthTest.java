package dev.agentgateway.proxy.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderAuthTest {
  private static AiProvider with(AiProvider.Spec spec, BackendAuth auth) {
    return new AiProvider("p", spec, null, null, null, false, auth, null, Map.of());
  }

  private static BackendAuth key(String k) {
    return new BackendAuth.Key(new Secret(k));
  }

  @Test
  void openAiCompatibleProvidersGetABearerTokenAndLoseTheClients() {
    UpstreamAuth a = ProviderAuth.forProvider(with(new AiProvider.OpenAi(null), key("sk-1")));
    assertEquals(Map.of("authorization", "Bearer sk-1"), a.set());
    assertEquals(List.of("authorization", "x-api-key", "x-goog-api-key", "api-key"), a.remove());
    assertFalse(a.sigV4());
    assertFalse(a.toString().contains("sk-1"), a.toString());
  }

  @Test
  void anthropicGetsXApiKeyAndAVersionButOauthTokensStayBearer() {
    UpstreamAuth a =
        ProviderAuth.forProvider(with(new AiProvider.Anthropic(null), key("sk-ant-api03-x")));
    assertEquals(Map.of("x-api-key", "sk-ant-api03-x"), a.set());
    assertEquals(Map.of("anthropic-version", "2023-06-01"), a.setIfAbsent());
    UpstreamAuth oauth =
        ProviderAuth.forProvider(with(new AiProvider.Anthropic(null), key("sk-ant-oat01-x")));
    assertEquals(Map.of("authorization", "Bearer sk-ant-oat01-x"), oauth.set());
  }

  @Test
  void geminiAndAzureUseTheirOwnHeaders() {
    assertEquals(
        Map.of("x-goog-api-key", "g"),
        ProviderAuth.forProvider(with(new AiProvider.Gemini(null), key("g"))).set());
    assertEquals(
        Map.of("api-key", "az"),
        ProviderAuth.forProvider(
                with(
                    new AiProvider.Azure(
                        null, "r", AiProvider.AzureResourceType.OPENAI, null, null),
                    key("az")))
            .set());
  }

  @Test
  void explicitLocationsWin() {
    UpstreamAuth header =
        ProviderAuth.forProvider(
            with(
                new AiProvider.Anthropic(null),
                new BackendAuth.Key(
                    new Secret("k"), new BackendAuth.Location.Header("x-custom", "Token "))));
    assertEquals(Map.of("x-custom", "Token k"), header.set());
    UpstreamAuth query =
        ProviderAuth.forProvider(
            with(
                new AiProvider.Gemini(null),
                new BackendAuth.Key(
                    new Secret("k"), new BackendAuth.Location.QueryParameter("key"))));
    assertEquals(Map.of("key", "k"), query.query());
    assertTrue(query.set().isEmpty());
  }

  @Test
  void passthroughKeepsTheClientsCredentialAndNoAuthStillDropsIt() {
    UpstreamAuth pass =
        ProviderAuth.forProvider(with(new AiProvider.OpenAi(null), new BackendAuth.Passthrough()));
    assertTrue(pass.remove().isEmpty());
    UpstreamAuth none = ProviderAuth.forProvider(with(new AiProvider.OpenAi(null), null));
    assertTrue(none.remove().contains("authorization"));
    assertTrue(none.set().isEmpty());
  }

  @Test
  void awsAuthSignsWithEnvironmentCredentialsAndTheBedrockRegion() {
    AiProvider bedrock =
        with(new AiProvider.Bedrock(null, "eu-west-1"), BackendAuth.Aws.implicit(null, null));
    assertTrue(ProviderAuth.forProvider(bedrock).sigV4());
    SigV4Signer signer =
        ProviderAuth.signer(
            bedrock,
            Map.of(
                "AWS_ACCESS_KEY_ID",
                "AKIDENV",
                "AWS_SECRET_ACCESS_KEY",
                "s",
                "AWS_SESSION_TOKEN",
                "t"));
    Map<String, String> headers =
        signer.sign(
            "POST",
            "/model/m/converse",
            null,
            Map.of("host", "bedrock-runtime.eu-west-1.amazonaws.com"),
            new byte[0],
            Instant.parse("2026-01-02T03:04:05Z"));
    assertTrue(
        headers
            .get("authorization")
            .startsWith(
                "AWS4-HMAC-SHA256 Credential=AKIDENV/20260102/eu-west-1/bedrock/aws4_request"),
        headers.get("authorization"));
    assertEquals("t", headers.get("x-amz-security-token"));
    assertThrows(IllegalStateException.class, () -> ProviderAuth.signer(bedrock, Map.of()));
  }
}
