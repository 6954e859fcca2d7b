package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.StaticConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
  private static GatewayConfig full() throws ConfigException {
    return new LocalConfigLoader(Map.of()).parse(LocalConfigLoaderTest.FULL);
  }

  @Test
  void rendersRecordsByComponentNameWithYamlSpellings() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(ConfigJson.render(full()));

    assertEquals("127.0.0.1:16000", tree.at("/config/adminAddr").asText());
    assertTrue(tree.at("/config/readinessAddr").isMissingNode(), "off is left out");
    assertEquals("json", tree.at("/config/logging/format").asText());
    assertEquals("1m30s", tree.at("/config/backend/poolIdleTimeout").asText());
    assertEquals("500ms", tree.at("/config/connectionMinTerminationDeadline").asText());
    assertEquals("3m0s", tree.at("/frontendHttp/http1IdleTimeout").asText());
    assertEquals(1048576, tree.at("/frontendHttp/maxBufferSize").asLong());
    assertEquals("bind/3000", tree.at("/binds/0/key").asText());
    assertEquals("HTTP", tree.at("/listeners/0/protocol").asText());

    JsonNode api = tree.at("/routes/0");
    assertEquals("bind/3000/main/api", api.at("/key").asText());
    assertEquals("/api", api.at("/matches/0/path/pathPrefix").asText());
    assertEquals("/health", api.at("/matches/1/path/exact").asText());
    assertEquals("/items/[a-z]+", api.at("/matches/2/path/regex").asText());
    assertEquals("prod", api.at("/matches/0/headers/0/value/exact").asText());
    assertEquals("127.0.0.1:8080", api.at("/backends/0/backend/host").asText());
    assertEquals("[::1]:9090", api.at("/backends/2/backend/host").asText());
    assertEquals(3, api.at("/backends/0/weight").asInt());
    assertEquals("internal.svc", api.at("/policies/urlRewrite/authority/host").asText());
    assertEquals("/v2", api.at("/policies/urlRewrite/path/prefix").asText());
    assertEquals(0.25, api.at("/policies/requestMirror/percentage").asDouble());
    assertEquals("2.5s", api.at("/policies/timeout/backendRequestTimeout").asText());
    assertEquals("[502,503]", api.at("/policies/retry/codes").toString());
    assertTrue(api.at("/policies/requestRedirect").isMissingNode(), "null policies are left out");

    assertEquals("auto", tree.at("/routes/3/policies/requestRedirect/authority").asText());
    assertEquals("none", tree.at("/routes/3/policies/urlRewrite/authority").asText());
    assertEquals(8443, tree.at("/routes/4/policies/requestRedirect/authority/port").asInt());
    assertEquals(4, tree.at("/routes/4/order").asInt());
  }

  @Test
  void serviceBackendsAndTheirEndpointsAreShown() throws Exception {
    Backend.Service cart = new Backend.Service("shop", "cart", 80);
    Route route =
        new Route(
            "r",
            "l",
            "",
            "",
            "",
            List.of(),
            List.of(),
            null,
            List.of(new RouteBackend(cart, 1)),
            0);
    GatewayConfig config =
        new GatewayConfig(
            StaticConfig.DEFAULT,
            null,
            List.of(),
            List.of(),
            List.of(route),
            List.of(),
            List.of(
                new ServiceEndpoints(
                    "shop", "cart", 80, List.of(new ServiceEndpoints.Endpoint("10.0.0.7", 8080)))));
    JsonNode tree = new ObjectMapper().readTree(ConfigJson.render(config));
    assertEquals(
        "{\"service\":{\"name\":\"shop/cart\",\"port\":80}}",
        tree.at("/routes/0/backends/0/backend").toString());
    assertEquals("cart", tree.at("/endpoints/0/name").asText());
    assertEquals(80, tree.at("/endpoints/0/port").asInt());
    assertEquals("10.0.0.7", tree.at("/endpoints/0/endpoints/0/address").asText());
    assertEquals(8080, tree.at("/endpoints/0/endpoints/0/port").asInt());
  }

  @Test
  void outputIsIndented() throws Exception {
    String json = ConfigJson.render(full());
    assertTrue(json.startsWith("{\n  \""), json.substring(0, 20));
  }

  @Test
  void credentialHeaderValuesAreRedacted() throws Exception {
    GatewayConfig c =
        new LocalConfigLoader(Map.of("TOKEN", "abc123"))
            .parse(
                ConfigErrorsTest.route(
                    "policies:\n  requestHeaderModifier:\n"
                        + "    set: {Authorization: \"Bearer $TOKEN\", x-plain: visible}"));
    String json = ConfigJson.render(c);
    assertFalse(json.contains("abc123"), json);
    JsonNode set = ConfigJson.tree(c).at("/routes/0/policies/requestHeaderModifier/set");
    assertEquals(ConfigJson.REDACTED, set.at("/0/value").asText());
    assertEquals("visible", set.at("/1/value").asText());
  }

  @Test
  void mcpTargetsAreTaggedAndStdioEnvironmentValuesRedacted() throws Exception {
    GatewayConfig c =
        new LocalConfigLoader(Map.of("TOKEN", "abc123"))
            .parse(
                """
                mcp:
                  targets:
                  - {name: gh, stdio: {cmd: server, env: {GITHUB_TOKEN: $TOKEN}}}
                  - {name: remote, sse: {host: "http://tools:8080"}}
                """);
    String json = ConfigJson.render(c);
    assertFalse(json.contains("abc123"), json);
    JsonNode mcp = ConfigJson.tree(c).at("/routes/0/backends/0/backend");
    assertEquals("Mcp", mcp.at("/type").asText());
    assertEquals("Stdio", mcp.at("/targets/0/type").asText());
    assertEquals(ConfigJson.REDACTED, mcp.at("/targets/0/env/0/GITHUB_TOKEN").asText());
    assertEquals("SSE", mcp.at("/targets/1/transport").asText());
    assertEquals("tools:8080", mcp.at("/targets/1/upstream/host").asText());
    assertEquals("/sse", mcp.at("/targets/1/path").asText());
  }

  sealed interface Shape permits Circle {}

  record Circle(int radius, java.time.Duration spin) implements Shape {}

  record Plain(String x) {}

  @Test
  void sealedVariantsWithoutAYamlSpellingAreTaggedByType() {
    assertEquals(
        "{\"type\":\"Circle\",\"radius\":2,\"spin\":\"1m0s\"}",
        ConfigJson.node(new Circle(2, java.time.Duration.ofMinutes(1))).toString());
    assertEquals("{\"x\":\"y\"}", ConfigJson.node(new Plain("y")).toString());
  }
}
