package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ServerEverything;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP gateway driven by a second, independent client: the official MCP Java SDK, over
 * streamable HTTP and legacy SSE, in front of server-everything as a streamable HTTP server
 * ("remote") and as a stdio child ("local").
 */
class McpJavaSdkIT {
  private ServerEverything remote;

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

  private ProxyFixture gateway(Backend.Mcp.FailureMode failureMode) {
    Backend.Mcp backend =
        new Backend.Mcp(
            "tools",
            List.of(
                new McpTarget.Remote(
                    "remote",
                    McpTarget.Transport.STREAMABLE_HTTP,
                    new Backend.Host("127.0.0.1", remote.port()),
                    "/mcp"),
                ServerEverything.stdioTarget("local")),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            failureMode,
            true);
    return ProxyFixture.start(
        TestConfigs.route(
            "mcp", TestConfigs.prefix("/"), null, List.of(new RouteBackend(backend, 1)), 0));
  }

  private static McpSyncClient client(McpClientTransport transport) {
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
            .sampling(
                request ->
                    McpSchema.CreateMessageResult.builder()
                        .role(McpSchema.Role.ASSISTANT)
                        .content(new McpSchema.TextContent("java sampled"))
                        .model("stand-in")
                        .build())
            .build();
    client.initialize();
    return client;
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static List<String> tools(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  /** Lists, calls, sampling, prompts and resources through one gateway session. */
  private static void tour(McpSyncClient client) {
    assertEquals("agentgateway", client.getServerInfo().name());
    List<String> tools = tools(client);
    assertTrue(tools.contains("remote_echo") && tools.contains("local_echo"), tools.toString());
    assertEquals(
        "Echo: from java",
        text(
            client.callTool(
                new McpSchema.CallToolRequest("local_echo", Map.of("message", "from java")))));
    assertTrue(
        text(client.callTool(
                new McpSchema.CallToolRequest("remote_get-sum", Map.of("a", 2, "b", 3))))
            .contains("5"));
    McpSchema.CallToolResult sampled =
        client.callTool(
            new McpSchema.CallToolRequest(
                "remote_trigger-sampling-request", Map.of("prompt", "ping", "maxTokens", 10)));
    assertTrue(
        sampled.content().toString().contains("java sampled"),
        "the server's sampling request reached the Java client and its answer came back: "
            + sampled.content());
    List<String> prompts =
        client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList();
    assertTrue(prompts.contains("local_simple-prompt"), prompts.toString());
    McpSchema.GetPromptResult prompt =
        client.getPrompt(new McpSchema.GetPromptRequest("local_simple-prompt", Map.of()));
    assertFalse(prompt.messages().isEmpty());
    List<McpSchema.Resource> resources = client.listResources().resources();
    assertFalse(resources.isEmpty());
    McpSchema.Resource first = resources.get(0);
    assertTrue(first.uri().startsWith("remote+") || first.uri().startsWith("local+"), first.uri());
    McpSchema.ReadResourceResult read =
        client.readResource(new McpSchema.ReadResourceRequest(first.uri()));
    assertEquals(first.uri(), read.contents().get(0).uri(), "read answers under the prefixed uri");
  }

  @Test
  void javaSdkOverStreamableHttpSeesBothServersAsOne() {
    try (ProxyFixture proxy = gateway(Backend.Mcp.FailureMode.FAIL_CLOSED);
        McpSyncClient client =
            client(
                HttpClientStreamableHttpTransport.builder(proxy.url(""))
                    .endpoint("/mcp")
                    .build())) {
      tour(client);
    }
  }

  @Test
  void javaSdkOverLegacySseSeesBothServersAsOne() {
    try (ProxyFixture proxy = gateway(Backend.Mcp.FailureMode.FAIL_CLOSED);
        McpSyncClient client =
            client(
                HttpClientSseClientTransport.builder(proxy.url("")).sseEndpoint("/sse").build())) {
      tour(client);
    }
  }

  @Test
  void underFailOpenATargetThatDiesMidSessionLeavesTheOtherServing() {
    try (ProxyFixture proxy = gateway(Backend.Mcp.FailureMode.FAIL_OPEN);
        McpSyncClient client =
            client(
                HttpClientStreamableHttpTransport.builder(proxy.url(""))
                    .endpoint("/mcp")
                    .build())) {
      assertTrue(tools(client).contains("remote_echo"));
      remote.close();
      remote = null;

      List<String> left = tools(client);
      assertTrue(left.contains("local_echo"), left.toString());
      assertFalse(left.contains("remote_echo"), "the dead target's tools are gone: " + left);
      assertEquals(
          "Echo: still here",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest("local_echo", Map.of("message", "still here")))));
      assertTrue(
          client.listPrompts().prompts().stream().anyMatch(p -> p.name().startsWith("local_")));
    }
  }
}
