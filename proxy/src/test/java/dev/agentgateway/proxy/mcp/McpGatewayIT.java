package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.testing.NodePeers;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
  private NodePeers.Peer remote;
  private int remotePort;

  /**
   * A fresh server per test: server-everything mixes up progress notifications of two sessions
   * whose calls have the same request id, which two clients' tours always do.
   */
  @BeforeEach
  void startRemoteServer() throws Exception {
    remotePort = ShellTesting.freePort();
    remote =
        NodePeers.start(
            "server-everything-http",
            Map.of("PORT", Integer.toString(remotePort)),
            true,
            NodePeers.SERVER_EVERYTHING,
            "streamableHttp");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", remotePort)) {
        return;
      } catch (java.io.IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("server-everything did not listen on " + remotePort);
        }
        Thread.sleep(100);
      }
    }
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
                new Backend.Host("127.0.0.1", remotePort),
                "/mcp"),
            new McpTarget.Stdio(
                "local",
                "node",
                List.of(
                    NodePeers.installed().resolve(NodePeers.SERVER_EVERYTHING).toString(), "stdio"),
                List.of())),
        Backend.Mcp.PrefixMode.CONDITIONAL,
        Backend.Mcp.FailureMode.FAIL_CLOSED,
        true);
  }

  private static ProxyFixture gateway(Backend.Mcp backend) {
    return ProxyFixture.start(
        TestConfigs.route(
            "mcp", TestConfigs.prefix("/"), null, List.of(new RouteBackend(backend, 1)), 0));
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

  private static void assertTour(JsonNode tour, boolean sampling) {
    assertEquals("agentgateway", tour.path("server").path("name").asText());
    List<String> tools = JSON.convertValue(tour.get("tools"), List.class);
    assertTrue(tools.contains("remote_echo") && tools.contains("local_echo"), tools.toString());
    assertTrue(tools.stream().allMatch(t -> t.startsWith("remote_") || t.startsWith("local_")));
    assertEquals("Echo: hi there", tour.path("echo").asText());
    assertTrue(tour.path("sum").asText().contains("5"), tour.path("sum").asText());
    assertEquals("[1,2,3]", tour.path("progress").toString(), "progress arrives during the call");
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
    }
  }

  @Test
  void sdkClientOverLegacySseSeesBothServersAsOne() throws Exception {
    try (ProxyFixture proxy = gateway(twoTargets())) {
      JsonNode tour = client("sse", proxy.url("/sse"), "remote_");
      assertTour(tour, true);
    }
  }
}
