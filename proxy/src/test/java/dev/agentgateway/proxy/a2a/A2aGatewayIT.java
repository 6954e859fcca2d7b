package dev.agentgateway.proxy.a2a;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.NodePeers;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import io.helidon.http.HeaderValues;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real A2A agent (@a2a-js/sdk, served at {@code /weather}) behind the gateway's route {@code
 * /agents/weather}, driven by the SDK's own client through the gateway.
 */
class A2aGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static NodePeers.Peer agent;
  private static int agentPort;

  @BeforeAll
  static void startAgent() throws Exception {
    agentPort = ShellTesting.freePort();
    agent =
        NodePeers.start(
            "a2a-server", Map.of(), false, "scripts/a2a-server.mjs", "" + agentPort, "/weather");
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(agent.process().getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertEquals("listening " + agentPort, line, "agent did not start; see target/a2a-server.log");
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  private static Route weatherRoute(Backend upstream) {
    return TestConfigs.route(
        "weather",
        TestConfigs.prefix("/agents/weather"),
        TestConfigs.only(new UrlRewrite(null, new PathRewrite.Prefix("/weather"))),
        List.of(new RouteBackend(new Backend.A2a(upstream), 1)),
        0);
  }

  private static ProxyFixture gateway() {
    return ProxyFixture.start(weatherRoute(new Backend.Host("127.0.0.1", agentPort)));
  }

  /** Runs the SDK client against {@code baseUrl} and returns what it printed. */
  private static JsonNode client(String baseUrl, String version) throws Exception {
    try (NodePeers.Peer client =
        NodePeers.start(
            "a2a-client", Map.of(), false, "scripts/a2a-client.mjs", baseUrl, version)) {
      byte[] out = client.process().getInputStream().readAllBytes();
      assertTrue(client.process().waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, client.process().exitValue(), "client failed; see target/a2a-client.log");
      return JSON.readTree(out);
    }
  }

  private static Map<String, Object> fields(RequestLog log) {
    Map<String, Object> out = new HashMap<>();
    log.fields().forEach(f -> out.put(f.key(), f.value()));
    return out;
  }

  /** The next {@code count} logs, keyed by their a2a.method (card fetches under "card"). */
  private static Map<String, List<Map<String, Object>>> logs(ProxyFixture proxy, int count)
      throws InterruptedException {
    Map<String, List<Map<String, Object>>> byMethod = new HashMap<>();
    for (int i = 0; i < count; i++) {
      RequestLog log = proxy.nextLog();
      assertEquals("a2a", log.backendProtocol());
      Map<String, Object> fields = fields(log);
      String key = log.path().endsWith("agent-card.json") ? "card" : "" + fields.get("a2a.method");
      byMethod.computeIfAbsent(key, k -> new ArrayList<>()).add(fields);
    }
    return byMethod;
  }

  private static List<String> kinds(JsonNode stream) {
    List<String> kinds = new ArrayList<>();
    stream.forEach(e -> kinds.add(e.get("kind").asText()));
    return kinds;
  }

  @Test
  void aV10ClientFindsTheAgentAtTheGatewayAndSendsAndStreamsThroughIt() throws Exception {
    try (ProxyFixture proxy = gateway()) {
      JsonNode out = client(proxy.url("/agents/weather"), "1.0");

      for (JsonNode entry : out.get("card").get("supportedInterfaces")) {
        assertEquals(proxy.url("/agents/weather/jsonrpc"), entry.get("url").asText());
      }
      assertEquals("task", out.get("send").get("kind").asText());
      assertEquals(3, out.get("send").get("state").asInt(), "TASK_STATE_COMPLETED");
      assertEquals("echo: hello", out.get("send").get("artifacts").get(0).asText());
      assertEquals(
          List.of("task", "statusUpdate", "artifactUpdate", "statusUpdate"),
          kinds(out.get("stream")));

      // The test's card fetch, the SDK's card fetch, then both calls, all through the gateway.
      Map<String, List<Map<String, Object>>> logs = logs(proxy, 4);
      assertEquals(2, logs.get("card").size());
      assertEquals(
          Map.of(
              "a2a.method", "SendMessage",
              "a2a.task.state", "TASK_STATE_COMPLETED",
              "a2a.result.kind", "task",
              "a2a.response.outcome", "success"),
          logs.get("SendMessage").get(0));
      assertEquals(
          Map.of(
              "a2a.method", "SendStreamingMessage",
              "a2a.task.state", "TASK_STATE_COMPLETED",
              "a2a.result.kind", "statusUpdate",
              "a2a.response.outcome", "success"),
          logs.get("SendStreamingMessage").get(0));
    }
  }

  @Test
  void aV03ClientUsesMessageSendAndMessageStreamThroughTheGateway() throws Exception {
    try (ProxyFixture proxy = gateway()) {
      JsonNode out = client(proxy.url("/agents/weather"), "0.3");

      assertEquals(proxy.url("/agents/weather/jsonrpc"), out.get("card").get("url").asText());
      assertEquals(3, out.get("send").get("state").asInt(), "completed");
      assertEquals(
          List.of("task", "statusUpdate", "artifactUpdate", "statusUpdate"),
          kinds(out.get("stream")));

      Map<String, List<Map<String, Object>>> logs = logs(proxy, 3);
      assertEquals(
          Map.of(
              "a2a.method", "message/send",
              "a2a.task.state", "completed",
              "a2a.result.kind", "task",
              "a2a.response.outcome", "success"),
          logs.get("message/send").get(0));
      assertEquals(
          Map.of(
              "a2a.method", "message/stream",
              "a2a.task.state", "completed",
              "a2a.result.kind", "status-update",
              "a2a.response.outcome", "success"),
          logs.get("message/stream").get(0));
    }
  }

  @Test
  void theCardFollowsTheForwardedProtoAndHost() throws Exception {
    try (ProxyFixture proxy = gateway()) {
      HttpResponse<String> card =
          CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create(proxy.url("/agents/weather/.well-known/agent.json")))
                  .header("X-Forwarded-Proto", "https")
                  .header("A2A-Version", "1.0")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, card.statusCode());
      assertEquals(
          "" + card.body().getBytes(StandardCharsets.UTF_8).length,
          card.headers().firstValue("content-length").orElseThrow());
      JsonNode body = JSON.readTree(card.body());
      assertEquals(
          "https://127.0.0.1:" + proxy.port() + "/agents/weather/jsonrpc",
          body.get("supportedInterfaces").get(0).get("url").asText());
    }
  }

  @Test
  void logsTheErrorCodeOfAFailedCall() throws Exception {
    try (ProxyFixture proxy = gateway()) {
      HttpResponse<String> answer =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/agents/weather/jsonrpc")))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/get\","
                              + "\"params\":{\"id\":\"no-such-task\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(-32001, JSON.readTree(answer.body()).get("error").get("code").asInt());
      assertEquals(
          Map.of(
              "a2a.method", "tasks/get",
              "a2a.response.outcome", "error",
              "a2a.response.error_code", -32001L),
          fields(proxy.nextLog()));
    }
  }

  @Test
  void forwardsACallTooLargeToPeekAndLogsNoMethod() throws Exception {
    FrontendHttp tiny = new FrontendHttp(64, 0, 0, Duration.ofMinutes(10));
    try (ProxyFixture proxy =
        ProxyFixture.start(tiny, weatherRoute(new Backend.Host("127.0.0.1", agentPort)))) {
      String body =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":"
              + "{\"kind\":\"message\",\"messageId\":\"m1\",\"role\":\"user\",\"parts\":"
              + "[{\"kind\":\"text\",\"text\":\""
              + "x".repeat(10_000)
              + "\"}]}}}";
      HttpResponse<String> answer =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/agents/weather/jsonrpc")))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
      assertEquals("completed", JSON.readTree(answer.body()).at("/result/status/state").asText());
      Map<String, Object> fields = fields(proxy.nextLog());
      assertFalse(fields.containsKey("a2a.method"), fields.toString());
      assertEquals("completed", fields.get("a2a.task.state"));
    }
  }

  @Test
  void passesAnOversizedCardThroughUntouchedAndRewritesASmallChunkedOne() throws Exception {
    String padding = "p".repeat(A2aTap.MAX_CARD + 1000);
    try (Upstream cards =
            Upstream.start(
                r ->
                    r.get(
                        "/weather/.well-known/agent-card.json",
                        (req, res) -> {
                          boolean big = req.query().contains("big");
                          String self = "http://127.0.0.1:" + req.localPeer().port() + "/weather";
                          String card =
                              "{\"url\":\""
                                  + self
                                  + "\",\"description\":\""
                                  + (big ? padding : "small")
                                  + "\"}";
                          res.header(HeaderValues.CONTENT_TYPE_JSON);
                          try (OutputStream out = res.outputStream()) {
                            out.write(card.getBytes(StandardCharsets.UTF_8));
                          }
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(weatherRoute(new Backend.Host("127.0.0.1", cards.port())))) {
      String cardUrl = proxy.url("/agents/weather/.well-known/agent-card.json");
      HttpResponse<byte[]> big =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(cardUrl + "?big")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      String expected =
          "{\"url\":\"http://127.0.0.1:"
              + cards.port()
              + "/weather\",\"description\":\""
              + padding
              + "\"}";
      assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), big.body());

      HttpResponse<String> small =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(cardUrl)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(proxy.url("/agents/weather"), JSON.readTree(small.body()).get("url").asText());
      assertEquals(
          "" + small.body().length(), small.headers().firstValue("content-length").orElseThrow());
    }
  }
}
