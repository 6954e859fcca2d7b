package dev.agentgateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  private static final String VALID =
      """
      binds:
      - port: 8080
        listeners:
        - protocol: HTTP
          routes:
          - backends:
            - host: 127.0.0.1:9000
      """;

  @TempDir Path dir;

  /** The outcome of one in-process run. */
  private record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(String... args) {
    return runWith(Map.of(), args);
  }

  private static Run runWith(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ProxyMain.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    Run r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("usage: agentgateway"), r.out());
    assertEquals(0, run("-h").code());
  }

  @Test
  void versionPrintsNameAndVersion() {
    Run r = run("-V");
    assertEquals(0, r.code());
    // Run from target/classes there is no manifest, so the version falls back to "dev".
    assertEquals("agentgateway dev\n", r.out());
    assertEquals(r.out(), run("--version").out());
  }

  @Test
  void unknownFlagPrintsUsageAndExitsTwo() {
    Run r = run("--frobnicate");
    assertEquals(2, r.code());
    assertEquals("agentgateway: unknown option: --frobnicate", r.errLines().getFirst());
    assertTrue(r.err().contains("usage: agentgateway"), r.err());
  }

  @Test
  void misuseExitsTwo() {
    assertEquals(2, run("-f").code());
    assertEquals(2, run("-f", "a.yaml", "-c", "binds: []").code());
    assertEquals(2, run("config.yaml").code());
    assertEquals(2, run("--version=1").code());
  }

  @Test
  void parsesLongFormsWithEquals() throws Exception {
    CommandLine cl = CommandLine.parse("--file=/tmp/x.yaml", "--validate-only");
    assertEquals(Path.of("/tmp/x.yaml"), cl.file());
    assertTrue(cl.validateOnly());
    assertEquals("binds: []", CommandLine.parse("--config=binds: []").configText());
    assertTrue(CommandLine.parse().usesDefaultConfig());
    assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse("-c"));
  }

  @Test
  void validateOnlyAcceptsAValidFile() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.yaml"), VALID);
    Run r = run("--validate-only", "-f", file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("configuration is valid\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void validateOnlyAcceptsInlineConfigAndTheBuiltInDefault() {
    assertEquals(0, run("--validate-only", "-c", VALID).code());
    Run r = run("--validate-only");
    assertEquals(0, r.code(), r.err());
    assertEquals("configuration is valid\n", r.out());
  }

  @Test
  void validateOnlyCompilesCelRules() {
    Run r =
        run(
            "--validate-only",
            "-c",
            "binds: [{port: 8080, listeners: [{protocol: HTTP, routes: [{name: r,"
                + " policies: {mcpAuthorization: {rules: ['mcp.tool.name ==']}},"
                + " backends: [{host: '127.0.0.1:9000'}]}]}]}]");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("policies.mcpAuthorization.rules[0].allow: "), r.err());
  }

  @Test
  void validateOnlyPrintsEveryErrorWithItsFieldPath() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            binds:
            - port: 8080
              listeners:
              - protocol: HTTP
                routes:
                - matches:
                  - path:
                      regex: "(unclosed"
                  backends:
                  - host: 127.0.0.1:9000
                  colour: blue
            """);
    Run r = run("--validate-only", "-f", file.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertEquals(2, lines.size(), r.err());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("binds[0].listeners[0].routes[0].colour: ")),
        r.err());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("binds[0].listeners[0].routes[0].matches[0].path.regex: ")),
        r.err());
  }

  @Test
  void aMissingFileIsOneClearError() {
    Run r = run("--validate-only", "-f", dir.resolve("nope.yaml").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("agentgateway: cannot read "), r.err());
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void underXdsTheFileGivesStaticSettingsOnly() throws Exception {
    Map<String, String> xds =
        Map.of("XDS_ADDRESS", "http://127.0.0.1:9978", "NAMESPACE", "ns", "GATEWAY", "gw");
    Path statics =
        Files.writeString(dir.resolve("statics.yaml"), "config:\n  logging:\n    format: json\n");
    Run ok = runWith(xds, "--validate-only", "-f", statics.toString());
    assertEquals(0, ok.code(), ok.err());

    Path withBinds = Files.writeString(dir.resolve("binds.yaml"), VALID);
    Run refused = runWith(xds, "--validate-only", "-f", withBinds.toString());
    assertEquals(1, refused.code());
    assertTrue(
        refused.err().contains("with XDS_ADDRESS set, the config file gives only static"),
        refused.err());
  }
}
