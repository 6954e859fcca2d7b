package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code llm:} shortcut compiles to one route to one AI backend. */
class LlmShortcutConfigTest {
  private static final Map<String, String> ENV =
      Map.of("OPENAI_API_KEY", "sk-env", "ANTHROPIC_API_KEY", "ak-env", "GROQ_API_KEY", "gsk-env");

  @TempDir Path dir;

  private GatewayConfig load(String text) throws ConfigException {
    return new LocalConfigLoader(ENV, dir).parse(text);
  }

  private static List<AiProvider> providers(GatewayConfig config) {
    Route route = config.routes().get(0);
    return ((Backend.Ai) route.backends().get(0).backend())
        .groups().stream().map(g -> g.get(0)).toList();
  }

  private static List<String> errorPaths(ConfigException e) {
    return e.errors().stream().map(ConfigError::path).toList();
  }

  @Test
  void upstreamsBasicExampleCompilesToOneRouteOnItsPort() throws ConfigException {
    GatewayConfig config =
        load(
            """
            llm:
              port: 4000
              models:
              - name: smart
                provider: openAI
                params:
                  model: gpt-5.5
                  apiKey: $OPENAI_API_KEY
              - name: anthropic/*
                provider: anthropic
                params:
                  apiKey: $ANTHROPIC_API_KEY
                transformation:
                  model: llmRequest.model.stripPrefix("anthropic/")
            """);
    assertEquals(4000, config.binds().get(0).port());
    assertEquals("llm", config.listeners().get(0).name());
    Route route = config.routes().get(0);
    assertEquals("default", route.name());
    List<AiProvider> providers = providers(config);
    AiProvider smart = providers.get(0);
    assertEquals(new AiProvider.OpenAi("gpt-5.5"), smart.spec());
    assertEquals(new BackendAuth.Key(new Secret("sk-env")), smart.auth());
    assertTrue(smart.serves("smart"));
    assertFalse(smart.serves("smarter"));
    AiProvider anthropic = providers.get(1);
    assertEquals(new AiProvider.Anthropic(null), anthropic.spec());
    assertTrue(anthropic.serves("anthropic/claude-sonnet-4-5"));
    assertFalse(anthropic.serves("openai/gpt"));
    assertEquals(
        Map.of("model", "llmRequest.model.stripPrefix(\"anthropic/\")"),
        anthropic.transformations());
  }

  @Test
  void exactNamesAreTriedBeforeGlobs() throws ConfigException {
    GatewayConfig config =
        load(
            """
            llm:
              port: 4000
              models:
              - {name: "*", provider: openAI}
              - {name: gpt-4o, provider: openAI, params: {model: gpt-4o-2024-08-06}}
            """);
    assertEquals(List.of("gpt-4o", "*"), providers(config).stream().map(AiProvider::name).toList());
  }

  @Test
  void presetsExpandToTheirPublicBaseUrlAndEnvironmentKey() throws ConfigException {
    GatewayConfig config =
        load(
            """
            llm:
              port: 4000
              models:
              - {name: llama, provider: groq, params: {model: llama-3.3-70b-versatile}}
              - {name: local, provider: ollama}
              - {name: mistral-large, provider: mistral, params: {apiKey: inline-key}}
            """);
    List<AiProvider> p = providers(config);
    AiProvider groq = p.get(0);
    assertEquals(new Backend.Host("api.groq.com", 443), groq.hostOverride());
    assertTrue(groq.hostOverrideTls());
    assertEquals("/openai/v1", groq.pathPrefix());
    assertEquals(new BackendAuth.Key(new Secret("gsk-env")), groq.auth());
    AiProvider.Custom spec = (AiProvider.Custom) groq.spec();
    assertEquals("groq", spec.providerName());
    assertEquals("llama-3.3-70b-versatile", spec.model());
    assertTrue(spec.format(AiProvider.ProviderFormat.COMPLETIONS).isPresent());
    AiProvider ollama = p.get(1);
    assertEquals(new Backend.Host("localhost", 11434), ollama.hostOverride());
    assertFalse(ollama.hostOverrideTls());
    assertEquals("/v1", ollama.pathPrefix());
    assertNull(ollama.auth());
    assertEquals(new BackendAuth.Key(new Secret("inline-key")), p.get(2).auth());
  }

  @Test
  void baseUrlPointsAProviderAtAPlainHttpStandIn() throws ConfigException {
    AiProvider p =
        providers(
                load(
                    """
                    llm:
                      port: 4000
                      models:
                      - name: gpt
                        provider: openAI
                        params: {baseUrl: "http://127.0.0.1:18080/v1", apiKey: {file: key.txt}}
                    """
                        .replace("key.txt", writeKey())))
            .get(0);
    assertEquals(new Backend.Host("127.0.0.1", 18080), p.hostOverride());
    assertFalse(p.hostOverrideTls());
    assertEquals("/v1", p.pathPrefix());
    assertEquals(new BackendAuth.Key(new Secret("file-key")), p.auth());
  }

  private String writeKey() {
    try {
      Files.writeString(dir.resolve("key.txt"), "file-key\n");
      return "key.txt";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void referencedProvidersLendTheirParamsAndModelsOverrideThem() throws ConfigException {
    List<AiProvider> p =
        providers(
            load(
                """
                llm:
                  port: 4000
                  providers:
                  - name: aws
                    provider: bedrock
                    params: {awsRegion: eu-west-1}
                  models:
                  - name: claude
                    provider: {reference: aws}
                    params: {model: anthropic.claude-3-haiku-20240307-v1:0}
                  - name: vertex
                    provider: vertex
                    params: {vertexProject: proj}
                  - name: azure
                    provider: azure
                    params: {azureResourceName: res, azureResourceType: foundry, azureProjectName: pr}
                """));
    assertEquals(
        new AiProvider.Bedrock("anthropic.claude-3-haiku-20240307-v1:0", "eu-west-1"),
        p.get(0).spec());
    assertEquals(BackendAuth.Aws.implicit("eu-west-1", null), p.get(0).auth());
    assertEquals(new AiProvider.Vertex(null, "proj", "global"), p.get(1).spec());
    assertEquals(
        new AiProvider.Azure(null, "res", AiProvider.AzureResourceType.FOUNDRY, null, "pr"),
        p.get(2).spec());
  }

  @Test
  void keysAreRedactedInTheConfigDump() throws ConfigException {
    String dump =
        ConfigJson.render(
            load(
                """
                llm:
                  port: 4000
                  models:
                  - {name: m, provider: openAI, params: {apiKey: sk-very-secret}}
                """));
    assertFalse(dump.contains("sk-very-secret"), dump);
    assertTrue(dump.contains(ConfigJson.REDACTED), dump);
  }

  @Test
  void badValuesAreReportedWithTheirFieldPaths() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    """
                    llm:
                      port: 4000
                      models:
                      - {name: a, provider: nosuch}
                      - {name: b, provider: bedrock}
                      - {name: c, provider: openAI, params: {baseUrl: "ftp://x"}}
                      - {name: d, provider: {reference: missing}}
                      - {name: e, provider: openAI, params: {apiKey: {file: nope.txt}}}
                      - {name: a, provider: openAI}
                      - {name: f, provider: openAI, guardrails: {}}
                    """));
    assertEquals(
        List.of(
            "llm.models[0].provider",
            "llm.models[1].params.awsRegion",
            "llm.models[2].params.baseUrl",
            "llm.models[3].provider.reference",
            "llm.models[4].params.apiKey.file",
            "llm.models[5].name",
            "llm.models[6].guardrails"),
        errorPaths(e));
    assertTrue(e.errors().get(6).message().contains("not supported yet"), e.getMessage());
  }

  @Test
  void aPortIsRequiredWhileGatewaysAreNotSupported() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> load("llm:\n  models:\n  - {name: a, provider: openAI}\n"));
    assertEquals(List.of("llm.port"), errorPaths(e));
  }
}
