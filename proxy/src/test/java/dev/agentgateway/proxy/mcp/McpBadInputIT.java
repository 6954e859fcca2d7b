package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.proxy.testing.NodePeers;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ServerEverything;
import dev.agentgateway.proxy.testing.TestConfigs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the MCP endpoint gets the right HTTP status and JSON-RPC error, and targets that
 * cannot start or never answer are left out under failOpen while the others keep serving.
 */
class McpBadInputIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String BOTH = "application/json, text/event-stream";
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static ProxyFixture proxy;
  private static ServerSocket silent;

  /**
   * One server that works (server-everything over stdio), one that cannot start, and one that
   * accepts connections and never answers; the route gives every call 3 s.
   */
  @BeforeAll
  static void start() throws Exception {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              List<Socket> held = new ArrayList<>();
              try {
                while (true) {
                  held.add(silent.accept()); // read nothing, answer nothing
                }
              } catch (IOException closed) {
                held.forEach(McpBadInputIT::closeQuietly);
              }
            });
    Backend.Mcp backend =
        new Backend.Mcp(
            "tools",
            List.of(
                ServerEverything.stdioTarget("good"),
                new McpTarget.Stdio("broken", "/nonexistent/mcp-server", List.of(), List.of()),
                new McpTarget.Remote(
                    "silent",
                    McpTarget.Transport.STREAMABLE_HTTP,
                    new Backend.Host("127.0.0.1", silent.getLocalPort()),
                    "/mcp")),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            Backend.Mcp.FailureMode.FAIL_OPEN,
            true);
    proxy =
        ProxyFixture.start(
            TestConfigs.route(
                "mcp",
                TestConfigs.prefix("/"),
                TestConfigs.only(new TimeoutPolicy(Duration.ofSeconds(3), null)),
                List.of(new RouteBackend(backend, 1)),
                0));
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing a socket nobody reads
    }
  }

  /** The stdio servers running under this JVM. */
  private static List<ProcessHandle> stdioChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(
            p ->
                p.info().commandLine().orElse("").contains(NodePeers.SERVER_EVERYTHING)
                    && p.info().commandLine().orElse("").endsWith(" stdio"))
        .toList();
  }

  /** After all the bad input, stopping the gateway leaves none of its child processes behind. */
  @AfterAll
  static void stop() throws Exception {
    List<ProcessHandle> children = stdioChildren();
    if (proxy != null) {
      proxy.close();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<Long> left =
        children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    assertTrue(children.size() > 0, "the sessions started stdio children");
    assertEquals(List.of(), left, "stdio children left behind after the gateway stopped");
    if (silent != null) {
      silent.close();
    }
  }

  private static HttpResponse<String> post(String body, String accept, String session)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(proxy.url("/mcp")))
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void underFailOpenTargetsThatCannotStartOrNeverAnswerAreLeftOut() throws Exception {
    HttpResponse<String> init = post(INITIALIZE, BOTH, null);
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", BOTH, session);
    HttpResponse<String> tools =
        post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", BOTH, session);
    assertEquals(200, tools.statusCode());
    assertTrue(tools.body().contains("\"good_echo\""), tools.body());
    assertTrue(!tools.body().contains("broken_"), tools.body());
    assertTrue(!tools.body().contains("silent_"), tools.body());
    HttpResponse<String> call =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"broken_echo\",\"arguments\":{}}}",
            BOTH,
            session);
    assertTrue(call.body().contains("unknown tool: broken_echo"), call.body());
  }

  @Test
  void refusesWhatIsNotStreamableHttp() throws Exception {
    HttpResponse<String> accept = post(INITIALIZE, "application/json", null);
    assertEquals(406, accept.statusCode());
    assertTrue(accept.body().contains("Accept must include both"), accept.body());

    HttpResponse<String> text =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(proxy.url("/mcp")))
                .header("Content-Type", "text/plain")
                .header("Accept", BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(415, text.statusCode());

    HttpResponse<String> version =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(proxy.url("/mcp")))
                .header("Content-Type", "application/json")
                .header("Accept", BOTH)
                .header("MCP-Protocol-Version", "1999-01-01")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, version.statusCode());
    assertTrue(version.body().contains("unsupported MCP-Protocol-Version"), version.body());
  }

  @Test
  void answersBadJsonRpcWithItsError() throws Exception {
    HttpResponse<String> garbage = post("{not json", BOTH, null);
    assertEquals(400, garbage.statusCode());
    assertTrue(garbage.body().contains("-32700"), garbage.body());

    HttpResponse<String> emptyBatch = post("[]", BOTH, null);
    assertEquals(400, emptyBatch.statusCode());
    assertTrue(emptyBatch.body().contains("-32600"), emptyBatch.body());

    HttpResponse<String> badItem =
        post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"id\":2}]", BOTH, "x");
    assertEquals(400, badItem.statusCode(), "a batch with a bad item is refused whole");
    assertTrue(badItem.body().contains("\\\"jsonrpc\\\" must be \\\"2.0\\\""), badItem.body());

    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
            + "a".repeat(5 * 1024 * 1024)
            + "\"}}";
    HttpResponse<String> oversized = post(big, BOTH, null);
    assertEquals(413, oversized.statusCode());
  }

  @Test
  void sessionsMustBeNamedAndKnown() throws Exception {
    HttpResponse<String> none =
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", BOTH, null);
    assertEquals(400, none.statusCode());
    assertTrue(none.body().contains("session header is required"), none.body());

    HttpResponse<String> unknown =
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", BOTH, "not-a-session");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("session not found"), unknown.body());

    HttpResponse<String> delete =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(proxy.url("/mcp")))
                .header("Mcp-Session-Id", "not-a-session")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, delete.statusCode());
  }
}
