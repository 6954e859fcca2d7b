package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ai} route backends: one provider or priority groups, with backendAuth at each level. */
class AiBackendConfigTest {
  private static GatewayConfig load(String routeYaml) throws ConfigException {
    String text =
        "binds:\n- port: 3000\n  listeners:\n  - routes:\n"
            + routeYaml.indent(4).replaceAll("(?m)^", "");
    return new LocalConfigLoader(Map.of("OPENAI_API_KEY", "sk-env", "AZ", "az-key")).parse(text);
  }

  private static Backend.Ai ai(GatewayConfig config) {
    return (Backend.Ai) config.routes().get(0).backends().get(0).backend();
  }

  @Test
  void oneNamedProviderWithOverridesAndTheEnvironmentsKey() throws ConfigException {
    Backend.Ai ai =
        ai(
            load(
                """
                - backends:
                  - ai:
                      name: openai
                      provider: {openAI: {model: gpt-4o-mini}}
                      hostOverride: 127.0.0.1:18080
                      pathPrefix: /v1
                """));
    assertEquals("openai", ai.name());
    AiProvider p = ai.groups().get(0).get(0);
    assertEquals(new AiProvider.OpenAi("gpt-4o-mini"), p.spec());
    assertEquals(new Backend.Host("127.0.0.1", 18080), p.hostOverride());
    assertEquals("/v1", p.pathPrefix());
    assertEquals(new BackendAuth.Key(new Secret("sk-env")), p.auth());
  }

  @Test
  void groupsKeepTheirOrderAndProviderAuthWinsOverRouteAuth() throws ConfigException {
    Backend.Ai ai =
        ai(
            load(
                """
                - policies:
                    backendAuth: {key: $AZ}
                  backends:
                  - ai:
                      groups:
                      - providers:
                        - name: primary
                          provider: {azure: {resourceName: r, resourceType: openAI, apiVersion: "2024-10-21"}}
                        - name: anthropic
                          provider: {anthropic: {}}
                          policies:
                            backendAuth: {key: {value: inline, location: {header: {name: x-api-key}}}}
                      - providers:
                        - name: bedrock
                          provider: {bedrock: {region: us-east-1}}
                          policies:
                            backendAuth: {aws: {accessKeyId: AKID, secretAccessKey: shh}}
                        - name: gemini
                          provider: {gemini: {}}
                          policies: {backendAuth: {passthrough: {}}}
                """));
    assertEquals(2, ai.groups().size());
    assertEquals(new BackendAuth.Key(new Secret("az-key")), ai.groups().get(0).get(0).auth());
    assertEquals(
        new BackendAuth.Key(
            new Secret("inline"), new BackendAuth.Location.Header("x-api-key", null)),
        ai.groups().get(0).get(1).auth());
    assertEquals(
        new BackendAuth.Aws("AKID", new Secret("shh"), null, null, null),
        ai.groups().get(1).get(0).auth());
    assertEquals(new BackendAuth.Passthrough(), ai.groups().get(1).get(1).auth());
  }

  @Test
  void customProviderNeedsItsHost() throws ConfigException {
    Backend.Ai ai =
        ai(
            load(
                """
                - backends:
                  - ai:
                      name: vllm
                      provider: {custom: {formats: [{type: completions}, {type: messages, path: /anthropic/v1/messages}]}}
                      hostOverride: "http://vllm.local:8000"
                """));
    AiProvider p = ai.groups().get(0).get(0);
    assertEquals(new Backend.Host("vllm.local", 8000), p.hostOverride());
    assertNull(p.auth());
    assertEquals(
        "/anthropic/v1/messages",
        ((AiProvider.Custom) p.spec())
            .format(AiProvider.ProviderFormat.MESSAGES)
            .orElseThrow()
            .path());
  }

  @Test
  void badAiBackendsAreReportedWithTheirFieldPaths() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    """
                    - policies:
                        backendAuth: {gcp: {}}
                      backends:
                      - ai:
                          groups:
                          - providers:
                            - name: a
                              provider: {vertex: {region: us}}
                            - name: a
                              provider: {openAI: {}, anthropic: {}}
                            - name: c
                              provider: {custom: {formats: [{type: chat}]}}
                          - providers: []
                    """));
    List<String> paths = e.errors().stream().map(ConfigError::path).toList();
    String r0 = "binds[0].listeners[0].routes[0].";
    String g = r0 + "backends[0].ai.groups";
    assertEquals(
        List.of(
            r0 + "policies.backendAuth.gcp",
            g + "[0].providers[0].provider.vertex.projectId",
            g + "[0].providers[1].name",
            g + "[0].providers[1].provider",
            g + "[0].providers[2].provider.custom.formats[0].type",
            g + "[1].providers"),
        paths,
        e.getMessage());
    assertTrue(e.errors().get(0).message().contains("not supported yet"));
  }

  @Test
  void backendAuthOnAnMcpBackendIsNotSupportedYet() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    """
                    - backends:
                      - mcp: {targets: [{name: t, mcp: {host: "http://127.0.0.1:8080/mcp"}}]}
                        policies: {backendAuth: {key: k}}
                    """));
    assertEquals(
        List.of("binds[0].listeners[0].routes[0].backends[0].policies.backendAuth"),
        e.errors().stream().map(ConfigError::path).toList());
    assertTrue(e.errors().get(0).message().contains("not supported yet"));
  }
}
