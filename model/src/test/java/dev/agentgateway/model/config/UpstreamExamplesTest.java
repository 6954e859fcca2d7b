package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Upstream's own example configs: each one either loads or fails only on features we do not
 * implement yet, and exactly on the paths listed here.
 */
class UpstreamExamplesTest {
  private static final String NOT_YET = "not supported yet";

  /** Variables the examples reference (dummy values). */
  private static final Map<String, String> ENV =
      Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ak-test");

  private static final String R0 = "binds[0].listeners[0].routes[0].";

  /** File name to the paths of its not-supported-yet errors; an empty set means it loads. */
  private static final Map<String, Set<String>> EXPECTED =
      Map.of(
          "fault-injection.yaml",
          Set.of(
              "binds[0].listeners[0].routes[0].policies.delay",
              "binds[0].listeners[0].routes[1].policies.delay",
              "binds[0].listeners[0].routes[2].policies.directResponse.conditional"),
          "llm-basic.yaml",
          Set.of("llm"),
          "llm-prompt-enrichment.yaml",
          Set.of(R0 + "backends[0].ai", R0 + "policies.ai"),
          "llm-prompt-guard.yaml",
          Set.of(R0 + "backends[0].ai", R0 + "policies.ai"),
          "mcp-authorization.yaml",
          Set.of("mcp"),
          "mcp-basic.yaml",
          Set.of("mcp"),
          "mcp-multiplex.yaml",
          Set.of(R0 + "backends[0].mcp"),
          "mcp-openapi.yaml",
          Set.of(R0 + "backends[0].mcp", R0 + "policies.cors"));

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
    LocalConfigLoader loader = new LocalConfigLoader(ENV);
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
}
