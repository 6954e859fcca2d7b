package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream's own example configs: each one either loads or fails only on features we do not
 * implement yet, and exactly on the paths listed here.
 */
class UpstreamExamplesTest {
  private static final String NOT_YET = "not supported yet";

  /** Variables the examples reference (dummy values). */
  private static final Map<String, String> ENV =
      Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ak-test");

  /** File name to the paths of its not-supported-yet errors; an empty set means it loads. */
  private static final Map<String, Set<String>> EXPECTED =
      Map.of(
          "fault-injection.yaml",
          Set.of(
              "binds[0].listeners[0].routes[0].policies.delay",
              "binds[0].listeners[0].routes[1].policies.delay",
              "binds[0].listeners[0].routes[2].policies.directResponse.conditional"),
          "llm-basic.yaml",
          Set.of(),
          "llm-prompt-enrichment.yaml",
          Set.of(),
          "llm-prompt-guard.yaml",
          Set.of(),
          "mcp-authorization.yaml",
          Set.of("mcp.policies.backendAuth"),
          "mcp-basic.yaml",
          Set.of(),
          "mcp-multiplex.yaml",
          Set.of(),
          "mcp-openapi.yaml",
          Set.of());

  /**
   * The working directory the examples assume (upstream resolves relative files against it): it
   * holds the OpenAPI schema mcp-openapi.yaml names, which the reference folder does not ship.
   */
  @TempDir static Path workDir;

  @BeforeAll
  static void provideTheOpenApiSchema() throws IOException {
    Path schema = workDir.resolve("examples/mcp-openapi/openapi.json");
    Files.createDirectories(schema.getParent());
    try (InputStream in = UpstreamExamplesTest.class.getResourceAsStream("petstore-openapi.json")) {
      Files.copy(Objects.requireNonNull(in, "petstore-openapi.json"), schema);
    }
  }

  private static LocalConfigLoader loader() {
    return new LocalConfigLoader(ENV, workDir);
  }

  private static Path examplesDir() {
    String shared = System.getProperty("agw.shared.dir");
    assertNotNull(shared, "system property agw.shared.dir is not set (see model/pom.xml)");
    Path dir = Path.of(shared, "reference", "upstream", "examples");
    assertTrue(Files.isDirectory(dir), "examples directory missing: " + dir);
    return dir;
  }

  @Test
  void everyExampleLoadsOrFailsOnlyOnNotYetSupportedFeatures() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(examplesDir())) {
      files =
          list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().equals("k8s-resources.yaml"))
              .sorted()
              .toList();
    }
    assertEquals(
        new TreeSet<>(EXPECTED.keySet()),
        files.stream()
            .map(p -> p.getFileName().toString())
            .collect(Collectors.toCollection(TreeSet::new)),
        "every example needs an expected outcome here");

    Map<String, Set<String>> actual = new TreeMap<>();
    LocalConfigLoader loader = loader();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        loader.load(file);
        actual.put(name, Set.of());
      } catch (ConfigException e) {
        for (ConfigError error : e.errors()) {
          assertTrue(error.message().contains(NOT_YET), name + ": unexpected error " + error);
        }
        actual.put(name, e.errors().stream().map(ConfigError::path).collect(Collectors.toSet()));
      }
    }
    assertEquals(new TreeMap<>(EXPECTED), actual);
  }

  @Test
  void faultInjectionLoadsOnceItsUnsupportedPoliciesAreRemoved() throws Exception {
    String text = Files.readString(examplesDir().resolve("fault-injection.yaml"));
    String trimmed =
        text.replaceAll("(?m)^ {6}policies:\\n(?: {8}.*\\n)+", "")
            .replaceAll("(?m)^ {6}policies:\\n(?: {8}.*\\n?)+", "");
    var config = new LocalConfigLoader(ENV).parse(trimmed);
    assertEquals(3, config.routes().size());
    assertEquals(
        List.of("delay-probability", "delay-header", "abort-probability"),
        config.routes().stream().map(r -> r.name()).toList());
    assertEquals("127.0.0.1:8080", config.routes().get(2).backends().get(0).backend().name());
  }

  /** The example with every {@code policies} section removed (those are not built yet). */
  private static GatewayConfig withoutPolicies(String name) throws Exception {
    ObjectMapper yaml = new YAMLMapper();
    JsonNode tree = yaml.readTree(examplesDir().resolve(name).toFile());
    tree.findParents("policies").forEach(parent -> ((ObjectNode) parent).remove("policies"));
    return loader().parse(yaml.writeValueAsString(tree));
  }

  @Test
  void mcpBasicServesItsStdioTargetOnPort3000() throws Exception {
    GatewayConfig config = withoutPolicies("mcp-basic.yaml");
    assertEquals(List.of(new Bind("bind/3000", 3000)), config.binds());
    Route route = config.routes().get(0);
    assertEquals(List.of(RouteMatch.ANY), route.matches());
    assertEquals(
        new Backend.Mcp(
            "mcp",
            List.of(
                new McpTarget.Stdio(
                    "everything",
                    "npx",
                    List.of("@modelcontextprotocol/server-everything"),
                    List.of())),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            Backend.Mcp.FailureMode.FAIL_CLOSED,
            true),
        route.backends().get(0).backend());
  }

  @Test
  void mcpAuthorizationsTargetIsAStreamableHttpServer() throws Exception {
    Backend.Mcp mcp =
        (Backend.Mcp)
            withoutPolicies("mcp-authorization.yaml").routes().get(0).backends().get(0).backend();
    assertEquals(
        List.of(
            new McpTarget.Remote(
                "mcp2",
                McpTarget.Transport.STREAMABLE_HTTP,
                new Backend.Host("localhost", 3001),
                "/mcp")),
        mcp.targets());
  }

  @Test
  void mcpMultiplexHasTwoStdioTargets() throws Exception {
    GatewayConfig config = loader().load(examplesDir().resolve("mcp-multiplex.yaml"));
    Backend.Mcp mcp = (Backend.Mcp) config.routes().get(0).backends().get(0).backend();
    assertEquals(
        List.of("time", "everything"), mcp.targets().stream().map(McpTarget::name).toList());
    assertEquals(
        List.of("--with", "mcp<2", "mcp-server-time"),
        ((McpTarget.Stdio) mcp.targets().get(0)).args());
  }

  @Test
  void mcpOpenApiReadsItsSchemaFromTheWorkingDirectory() throws Exception {
    Backend.Mcp mcp =
        (Backend.Mcp)
            withoutPolicies("mcp-openapi.yaml").routes().get(0).backends().get(0).backend();
    McpTarget.OpenApi openapi = (McpTarget.OpenApi) mcp.targets().get(0);
    assertEquals(new Backend.Host("localhost", 8080), openapi.upstream());
    assertEquals(null, openapi.pathPrefix());
    JsonNode schema = new ObjectMapper().readTree(openapi.schema());
    assertEquals("getPetById", schema.at("/paths/~1pet~1{petId}/get/operationId").asText());
  }

  @Test
  void promptGuardExampleRejectsWithItsOwnBodiesAndDumps() throws Exception {
    GatewayConfig config = loader().load(examplesDir().resolve("llm-prompt-guard.yaml"));
    PromptGuardPolicy guard = config.routes().get(0).policies().ai().promptGuard();
    assertEquals(2, guard.request().size());
    for (PromptGuardPolicy.RequestGuard g : guard.request()) {
      assertEquals(PromptGuardPolicy.Action.REJECT, ((PromptGuardPolicy.Regex) g.check()).action());
      assertEquals(400, g.rejection().status());
      assertTrue(g.rejection().body().contains("\"error\""));
    }
    assertEquals(
        List.of(new PromptGuardPolicy.Rule(PromptGuardPolicy.Builtin.EMAIL, null)),
        ((PromptGuardPolicy.Regex) guard.request().get(1).check()).rules());
    JsonNode dump = ConfigJson.tree(config);
    assertEquals(
        "REJECT",
        dump.at("/routes/0/policies/ai/promptGuard/request/0/check/action").asText(),
        dump.toString());
  }

  @Test
  void promptEnrichmentExampleAppendsASystemPromptForTwoRouteTypes() throws Exception {
    GatewayConfig config = loader().load(examplesDir().resolve("llm-prompt-enrichment.yaml"));
    AiPolicy ai = config.routes().get(0).policies().ai();
    assertEquals(
        Map.of("/v1/chat/completions", "completions", "/v1/responses", "responses"), ai.routes());
    assertEquals(
        List.of(new AiPolicy.Message("system", "Respond with emojis only")), ai.prompts().append());
  }
}
