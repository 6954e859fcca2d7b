package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.testing.NodePeers;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ServerEverything;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP gateway end to end with real, independent peers: the official TypeScript SDK client talks
 * to the gateway, which multiplexes the reference server-everything twice, once over streamable
 * HTTP ("remote") and once as a stdio child process ("local").
 */
class McpGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private ServerEverything remote;

  /** A fresh server per test, so one test's sessions cannot disturb another's. */
  @BeforeEach
  void startRemoteServer() {
    remote = ServerEverything.start("streamableHttp");
  }

  @AfterEach
  void stopRemoteServer() {
    if (remote != null) {
      remote.close();
    }
  }

  private Backend.Mcp twoTargets() {
    return new Backend.Mcp(
        "tools",
        List.of(
            new McpTarget.Remote(
                "remote",
                McpTarget.Transport.STREAMABLE_HTTP,
                new Backend.Host("127.0.0.1", remote.port()),
                "/mcp"),
            ServerEverything.stdioTarget("local")),
        Backend.Mcp.PrefixMode.CONDITIONAL,
        Backend.Mcp.FailureMode.FAIL_CLOSED,
        true);
  }

  private static ProxyFixture gateway(Backend.Mcp backend) {
    return ProxyFixture.start(route(backend));
  }

  private static Route route(Backend.Mcp backend) {
    return TestConfigs.route(
        "mcp", TestConfigs.prefix("/"), null, List.of(new RouteBackend(backend, 1)), 0);
  }

  /** Runs the SDK client script and returns the JSON it printed. */
  static JsonNode client(String... args) throws Exception {
    try (NodePeers.Peer peer =
        NodePeers.start(
            "mcp-client", Map.of("MCP_CLIENT_TRACE", "1"), false, "scripts/mcp-client.mjs", args)) {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(peer.process().getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null, "the client printed nothing; see target/mcp-client.log");
      JsonNode result = JSON.readTree(line);
      assertTrue(result.path("ok").asBoolean(), "client failed: " + result.path("error").asText());
      return result;
    }
  }

  /**
   * Progress 1 and 2 arrive while the tool still works. The SDK client runs notification handlers a
   * microtask later but handles responses at once, so when the last progress and the response
   * arrive in one read, the response removes the progress handler first and the client drops the
   * last progress: the gateway sent it (the trace in target/mcp-client.log shows it before the
   * response), the client may not count it.
   */
  private static void assertProgressDuringTheCall(JsonNode tour) {
    String progress = tour.path("progress").toString();
    assertTrue(
        progress.equals("[1,2,3]") || progress.equals("[1,2]"),
        "progress arrives in order during the call: " + progress);
  }

  private static void assertTour(JsonNode tour, boolean sampling) {
    assertEquals("agentgateway", tour.path("server").path("name").asText());
    List<String> tools = JSON.convertValue(tour.get("tools"), List.class);
    assertTrue(tools.contains("remote_echo") && tools.contains("local_echo"), tools.toString());
    assertTrue(tools.stream().allMatch(t -> t.startsWith("remote_") || t.startsWith("local_")));
    assertEquals("Echo: hi there", tour.path("echo").asText());
    assertTrue(tour.path("sum").asText().contains("5"), tour.path("sum").asText());
    assertProgressDuringTheCall(tour);
    assertTrue(tour.path("longRunning").asText().contains("completed"));
    if (sampling) {
      assertTrue(
          tour.path("sampling").asText().contains("sampled: "),
          "the server's sampling request reached the client and its answer came back: " + tour);
    }
    List<String> prompts = JSON.convertValue(tour.get("prompts"), List.class);
    assertTrue(prompts.contains("remote_simple-prompt"), prompts.toString());
    assertTrue(tour.path("prompt").asText().length() > 0);
  }

  @Test
  void sdkClientOverStreamableHttpSeesBothServersAsOne() throws Exception {
    try (ProxyFixture proxy = gateway(twoTargets())) {
      JsonNode tour = client("streamable", proxy.url("/mcp"), "remote_");
      assertTour(tour, true);
      List<String> logged = new java.util.ArrayList<>();
      proxy.logs().forEach(log -> logged.add(log.backendProtocol() + " " + log.fields()));
      assertTrue(
          logged.stream()
              .anyMatch(
                  l ->
                      l.contains("value=tools/call")
                          && l.contains("mcp.target, value=remote")
                          && l.contains("gen_ai.tool.name, value=echo")),
          "the access log names the method, target and tool: " + logged);
    }
  }

  @Test
  void sdkClientOverLegacySseSeesBothServersAsOne() throws Exception {
    try (ProxyFixture proxy = gateway(twoTargets())) {
      JsonNode tour = client("sse", proxy.url("/sse"), "remote_");
      assertTour(tour, true);
    }
  }

  /** A gateway process from upstream's {@code mcp:} shortcut, sealing sessions with {@code key}. */
  private Process gatewayProcess(Path dir, String name, int port, String key) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve(name + ".yaml"),
            """
            config:
              adminAddr: 127.0.0.1:0
              statsAddr: 127.0.0.1:0
              readinessAddr: 127.0.0.1:0
            mcp:
              port: %d
              targets:
              - name: remote
                mcp:
                  host: http://127.0.0.1:%d/mcp
              - name: local
                stdio:
                  cmd: node
                  args: ["%s", stdio]
            """
                .formatted(
                    port,
                    remote.port(),
                    NodePeers.installed().resolve(NodePeers.SERVER_EVERYTHING)));
    ProcessBuilder pb = ShellTesting.proxyProcess("-f", config.toString());
    pb.environment().put("SESSION_KEY", key);
    Path out = dir.resolve(name + ".log");
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process process = pb.start();
    boolean ready =
        ShellTesting.eventually(
            Duration.ofSeconds(60),
            () -> {
              try {
                return Files.readString(out).contains(" ready:");
              } catch (java.io.IOException e) {
                return false;
              }
            });
    assertTrue(ready, "gateway " + name + " did not start: " + Files.readString(out));
    return process;
  }

  @Test
  void aSessionResumesOnASecondGatewayProcessWithTheSameKey() throws Exception {
    Path dir = Files.createTempDirectory("mcp-resume");
    Path sessionFile = dir.resolve("session.txt");
    String key = "ab".repeat(32);
    int firstPort = ShellTesting.freePort();
    int secondPort = ShellTesting.freePort();
    Process first = gatewayProcess(dir, "first", firstPort, key);
    Process second = null;
    try {
      client(
          "streamable",
          "http://127.0.0.1:" + firstPort + "/mcp",
          "remote_",
          sessionFile.toString());
      assertTrue(!Files.readString(sessionFile).isBlank(), "the first gateway gave out an id");
      first.destroy();
      assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first gateway stopped");

      second = gatewayProcess(dir, "second", secondPort, key);
      JsonNode resumed =
          client("resume:" + sessionFile, "http://127.0.0.1:" + secondPort + "/mcp", "remote_");
      assertEquals("Echo: hi there", resumed.path("echo").asText());
      assertProgressDuringTheCall(resumed);
      List<String> tools = JSON.convertValue(resumed.get("tools"), List.class);
      assertTrue(tools.contains("remote_echo") && tools.contains("local_echo"), tools.toString());
    } finally {
      first.destroyForcibly();
      if (second != null) {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
        second.destroyForcibly();
      }
    }
  }

  @Test
  void anIdSealedUnderAnotherKeyIsAnUnknownSession() throws Exception {
    Path sessionFile = Files.createTempFile("mcp-session", ".txt");
    try (ProxyFixture first = gateway(twoTargets());
        ProxyFixture second = gateway(twoTargets())) {
      client("streamable", first.url("/mcp"), "remote_", sessionFile.toString());
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(second.url("/mcp")))
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json, text/event-stream")
                      .header("Mcp-Session-Id", Files.readString(sessionFile).trim())
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(404, response.statusCode(), "the client must initialize again");
      assertTrue(response.body().contains("session not found"), response.body());
    } finally {
      Files.deleteIfExists(sessionFile);
    }
  }
}
