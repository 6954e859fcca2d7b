package dev.agentgateway.proxy.llm;

import static dev.agentgateway.proxy.llm.AiBackends.groups;
import static dev.agentgateway.proxy.llm.AiBackends.provider;
import static dev.agentgateway.proxy.llm.AiBackends.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.llm.LlmStandIn;
import dev.agentgateway.proxy.testing.llm.StandInBehaviour;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy serving AI backends over HTTP, against the provider stand-ins: passthrough and
 * translated answers, streams relayed event by event, failover to the next priority group, bad
 * input and broken providers answered in the client's error shape, and the telemetry they leave.
 */
class LlmGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
  private static final String CHAT_STREAM =
      "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
  private static final String MESSAGES =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static LlmStandIn openai;
  private static LlmStandIn openai2;
  private static LlmStandIn anthropic;

  @BeforeAll
  static void start() {
    openai = LlmStandIn.openAi().start();
    openai2 = LlmStandIn.openAi().start();
    anthropic = LlmStandIn.anthropic().start();
  }

  @AfterAll
  static void stop() {
    openai.close();
    openai2.close();
    anthropic.close();
  }

  private static HttpResponse<String> post(ProxyFixture proxy, String path, String body)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(proxy.url(path)))
            .header("content-type", "application/json")
            .header("authorization", "Bearer client-own-key")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> res) throws Exception {
    return JSON.readTree(res.body());
  }

  private static Map<String, Object> fields(RequestLog log) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (RequestLog.Field f : log.fields()) {
      out.put(f.key(), f.value());
    }
    return out;
  }

  @Test
  void passesChatThroughToOpenAiWithTheGatewaysKeyAndLogsTheUsage() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route(groups("pass", provider("oa", openai))))) {
      HttpResponse<String> res = post(proxy, "/v1/chat/completions", CHAT);
      assertEquals(200, res.statusCode(), res.body());
      HttpResponse<String> direct =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(openai.baseUrl() + "/v1/chat/completions"))
                  .header("authorization", "Bearer x")
                  .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(json(direct), json(res));
      RequestLog log = proxy.nextLog();
      assertEquals("llm", log.backendProtocol());
      Map<String, Object> f = fields(log);
      assertEquals("chat", f.get("gen_ai.operation.name"));
      assertEquals("openai", f.get("gen_ai.provider.name"));
      assertEquals("gpt-4o-mini", f.get("gen_ai.request.model"));
      assertEquals(19L, f.get("gen_ai.usage.input_tokens"));
      assertEquals(10L, f.get("gen_ai.usage.output_tokens"));
      // the gateway's key replaced the client's (first request: the gateway's, second: direct)
      assertEquals(
          "Bearer " + AiBackends.OPENAI_KEY,
          openai.requests().get(openai.requests().size() - 2).header("authorization"));
      assertFalse(log.toString().contains(AiBackends.OPENAI_KEY));
      String metrics = proxy.metricsText();
      assertTrue(
          metrics.contains(
              "agentgateway_gen_ai_client_token_usage_sum{gen_ai_token_type=\"input\","
                  + "gen_ai_operation_name=\"chat\",gen_ai_system=\"openai\","
                  + "gen_ai_request_model=\"gpt-4o-mini\",gen_ai_response_model=\"gpt-4o-mini"),
          metrics);
      assertTrue(metrics.contains("agentgateway_gen_ai_server_request_duration_count{"), metrics);
    }
  }

  @Test
  void translatesChatForAnAnthropicProvider() throws Exception {
    try (ProxyFixture proxy =
        ProxyFixture.start(route(groups("toanthropic", provider("an", anthropic))))) {
      HttpResponse<String> res = post(proxy, "/v1/chat/completions", CHAT);
      assertEquals(200, res.statusCode(), res.body());
      JsonNode body = json(res);
      assertEquals("chat.completion", body.get("object").asText());
      assertEquals(
          "Hello! How can I help you today?", body.at("/choices/0/message/content").asText());
      assertEquals("/v1/messages", anthropic.lastRequest().path());
      assertEquals(AiBackends.ANTHROPIC_KEY, anthropic.lastRequest().header("x-api-key"));
      assertEquals(null, anthropic.lastRequest().header("authorization"));
      assertEquals("anthropic", fields(proxy.nextLog()).get("gen_ai.provider.name"));
    }
  }

  /** Stream lines with the time each arrived, read as they come. */
  private static List<long[]> timedDataLines(HttpResponse<Stream<String>> res, List<String> data) {
    List<long[]> times = new ArrayList<>();
    Iterator<String> it = res.body().iterator();
    while (it.hasNext()) {
      String line = it.next();
      if (line.startsWith("data: ")) {
        times.add(new long[] {System.nanoTime()});
        data.add(line.substring(6));
      }
    }
    return times;
  }

  private static HttpResponse<Stream<String>> postStream(
      ProxyFixture proxy, String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(proxy.url(path)))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  @Test
  void streamedChunksReachTheClientSpacedAsTheProviderSentThem() throws Exception {
    Duration delay = Duration.ofMillis(120);
    openai.respondOnceWith(StandInBehaviour.chunkDelay(delay));
    try (ProxyFixture proxy = ProxyFixture.start(route(groups("spaced", provider("oa", openai))))) {
      HttpResponse<Stream<String>> res = postStream(proxy, "/v1/chat/completions", CHAT_STREAM);
      assertEquals(200, res.statusCode());
      assertEquals("text/event-stream", res.headers().firstValue("content-type").orElse(""));
      List<String> data = new ArrayList<>();
      List<long[]> times = timedDataLines(res, data);
      assertEquals("[DONE]", data.get(data.size() - 1));
      assertTrue(times.size() > 4, "chunks: " + data);
      // Sent 120 ms apart: a buffering gateway would deliver them all at once, at the end.
      long spreadMillis = (times.get(times.size() - 1)[0] - times.get(0)[0]) / 1_000_000;
      assertTrue(
          spreadMillis >= 3 * delay.toMillis(), "chunks arrived within " + spreadMillis + " ms");
      // the usage chunk the gateway asked for is not shown to a client that did not ask
      assertFalse(data.stream().anyMatch(d -> d.contains("\"usage\":{")), data.toString());
      Map<String, Object> f = fields(proxy.nextLog());
      assertEquals(10L, f.get("gen_ai.usage.output_tokens"));
      assertTrue(
          proxy.metricsText().contains("agentgateway_gen_ai_server_time_to_first_token_count{"));
    }
  }

  private void assertFailsOverToTheSecondGroup(
      StandInBehaviour first, TimeoutPolicy timeout, String name) throws Exception {
    openai.respondOnceWith(first);
    Backend.Ai backend = groups(name, provider("first", openai), provider("second", anthropic));
    var policies =
        timeout == null ? dev.agentgateway.model.ir.RoutePolicies.NONE : TestConfigs.only(timeout);
    try (ProxyFixture proxy = ProxyFixture.start(route("llm", "/", backend, policies))) {
      int before = anthropic.requests().size();
      HttpResponse<String> res = post(proxy, "/v1/chat/completions", CHAT);
      assertEquals(200, res.statusCode(), res.body());
      assertEquals("chat.completion", json(res).get("object").asText());
      assertEquals(before + 1, anthropic.requests().size());
      RequestLog log = proxy.nextLog();
      assertEquals(1, log.retries());
      assertEquals("second", fields(log).get("llm.provider"));
      assertEquals("anthropic", fields(log).get("gen_ai.provider.name"));
      assertTrue(proxy.metricsText().contains("gen_ai_system=\"anthropic\""));
      // the first group is out of rotation now: the next request goes straight to the second
      assertEquals(200, post(proxy, "/v1/chat/completions", CHAT).statusCode());
      assertEquals(0, proxy.nextLog().retries());
    }
  }

  @Test
  void aFirstGroupAnswering503IsFailedOverToTheSecond() throws Exception {
    assertFailsOverToTheSecondGroup(StandInBehaviour.status(503), null, "fo503");
  }

  @Test
  void aFirstGroupAnswering429WithoutHeadersIsFailedOverToTheSecond() throws Exception {
    assertFailsOverToTheSecondGroup(StandInBehaviour.tooManyRequests(), null, "fo429");
  }

  @Test
  void aFirstGroupHangingPastTheTimeoutIsFailedOverToTheSecond() throws Exception {
    assertFailsOverToTheSecondGroup(
        StandInBehaviour.hang(Duration.ofSeconds(5)),
        new TimeoutPolicy(null, Duration.ofMillis(400)),
        "fohang");
  }

  @Test
  void aLoneProviderFailingGivesItsErrorInTheClientsShape() throws Exception {
    anthropic.respondOnceWith(StandInBehaviour.status(529));
    try (ProxyFixture proxy =
        ProxyFixture.start(route(groups("lone", provider("an", anthropic))))) {
      HttpResponse<String> res = post(proxy, "/v1/chat/completions", CHAT);
      assertEquals(529, res.statusCode());
      assertEquals("server_error", json(res).at("/error/type").asText());
      assertEquals(529, proxy.nextLog().status());
    }
  }

  @Test
  void badRequestsGetErrorsInTheClientsShape() throws Exception {
    Backend.Ai backend = groups("bad", provider("oa", openai, "gpt-4o-mini", null));
    try (ProxyFixture proxy = ProxyFixture.start(route(backend))) {
      HttpResponse<String> malformed = post(proxy, "/v1/chat/completions", "{\"model\": ");
      assertEquals(400, malformed.statusCode());
      assertEquals("invalid_request_error", json(malformed).at("/error/type").asText());
      HttpResponse<String> anthropicShape = post(proxy, "/v1/messages", "[1,2");
      assertEquals(400, anthropicShape.statusCode());
      assertEquals("error", json(anthropicShape).get("type").asText());
      assertEquals("invalid_request_error", json(anthropicShape).at("/error/type").asText());
      HttpResponse<String> unknown =
          post(proxy, "/v1/chat/completions", CHAT.replace("gpt-4o-mini", "gpt-nope"));
      assertEquals(404, unknown.statusCode());
      assertEquals("model_not_found", json(unknown).at("/error/code").asText());
      HttpResponse<String> noModel = post(proxy, "/v1/chat/completions", "{\"messages\":[]}");
      assertEquals(400, noModel.statusCode());
      HttpResponse<String> noApi = post(proxy, "/v2/whatever", CHAT);
      assertEquals(404, noApi.statusCode());
      assertEquals("not_found_error", json(noApi).at("/error/type").asText());
    }
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    FrontendHttp small = new FrontendHttp(1024, 0, 0, Duration.ofMinutes(1));
    try (ProxyFixture proxy =
        ProxyFixture.start(small, route(groups("big", provider("oa", openai))))) {
      String big = CHAT.replace("Say hello.", "x".repeat(4096));
      HttpResponse<String> res = post(proxy, "/v1/chat/completions", big);
      assertEquals(413, res.statusCode());
      assertEquals("invalid_request_error", json(res).at("/error/type").asText());
      HttpResponse<String> anthropicRes = post(proxy, "/v1/messages", big);
      assertEquals(413, anthropicRes.statusCode());
      assertEquals("request_too_large", json(anthropicRes).at("/error/type").asText());
    }
  }

  @Test
  void providerGarbageBecomesA502InTheClientsShape() throws Exception {
    openai.respondOnceWith(StandInBehaviour.garbage());
    try (ProxyFixture proxy =
        ProxyFixture.start(route(groups("garbage", provider("oa", openai))))) {
      HttpResponse<String> res = post(proxy, "/v1/chat/completions", CHAT);
      assertEquals(502, res.statusCode());
      assertEquals("server_error", json(res).at("/error/type").asText());
      // and the proxy still serves
      assertEquals(200, post(proxy, "/v1/chat/completions", CHAT).statusCode());
    }
  }

  @Test
  void aStreamCutByTheProviderEndsWithAnErrorEvent() throws Exception {
    openai.respondOnceWith(StandInBehaviour.cutAfter(3));
    try (ProxyFixture proxy = ProxyFixture.start(route(groups("cut", provider("oa", openai))))) {
      HttpResponse<Stream<String>> res = postStream(proxy, "/v1/chat/completions", CHAT_STREAM);
      assertEquals(200, res.statusCode());
      List<String> data = new ArrayList<>();
      timedDataLines(res, data);
      String last = data.get(data.size() - 1);
      assertNotEquals("[DONE]", last);
      assertTrue(last.contains("\"error\""), data.toString());
      assertEquals("stream ended before the answer was complete", proxy.nextLog().reason());
    }
  }

  @Test
  void aStreamThatStallsLongerThanTheTryTimeoutEndsWithAnErrorEvent() throws Exception {
    openai.respondOnceWith(StandInBehaviour.chunkDelay(Duration.ofSeconds(3)));
    var policies = TestConfigs.only(new TimeoutPolicy(null, Duration.ofMillis(400)));
    try (ProxyFixture proxy =
        ProxyFixture.start(route("llm", "/", groups("stall", provider("oa", openai)), policies))) {
      HttpResponse<Stream<String>> res = postStream(proxy, "/v1/chat/completions", CHAT_STREAM);
      assertEquals(200, res.statusCode());
      List<String> data = new ArrayList<>();
      timedDataLines(res, data);
      String last = data.get(data.size() - 1);
      assertTrue(last.contains("the provider sent nothing for 400 ms"), data.toString());
      assertEquals("stream ended before the answer was complete", proxy.nextLog().reason());
    }
  }

  @Test
  void anAnthropicStreamTranslatedFromOpenAiEndsWithMessageStop() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route(groups("a2o", provider("oa", openai))))) {
      HttpResponse<Stream<String>> res =
          postStream(
              proxy,
              "/v1/messages",
              MESSAGES.replace("\"max_tokens\"", "\"stream\":true,\"max_tokens\""));
      assertEquals(200, res.statusCode());
      List<String> data = new ArrayList<>();
      timedDataLines(res, data);
      assertTrue(data.get(data.size() - 1).contains("message_stop"), data.toString());
    }
  }

  @Test
  void listsTheConfiguredModelsWithoutCallingAProvider() throws Exception {
    Backend.Ai backend =
        groups(
            "models",
            provider("a", openai, "smart", "gpt-4o-mini"),
            provider("b", anthropic, "claude-*", null));
    int before = openai.requests().size() + anthropic.requests().size();
    try (ProxyFixture proxy = ProxyFixture.start(route(backend))) {
      HttpResponse<String> res =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/v1/models"))).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, res.statusCode());
      JsonNode body = json(res);
      assertEquals("list", body.get("object").asText());
      assertEquals(1, body.get("data").size());
      assertEquals("smart", body.at("/data/0/id").asText());
      assertEquals(before, openai.requests().size() + anthropic.requests().size());
    }
  }

  @Test
  void aProviderModelReplacesTheClientsAndEmbeddingsAndTokenCountsPassThrough() throws Exception {
    Backend.Ai backend =
        groups(
            "embed",
            provider("a", openai, "smart", "gpt-4o-mini"),
            provider("b", anthropic, "claude-*", null));
    try (ProxyFixture proxy = ProxyFixture.start(route(backend))) {
      HttpResponse<String> chat =
          post(proxy, "/v1/chat/completions", CHAT.replace("gpt-4o-mini", "smart"));
      assertEquals(200, chat.statusCode(), chat.body());
      assertTrue(openai.lastRequest().bodyText().contains("\"model\":\"gpt-4o-mini\""));
      Map<String, Object> f = fields(proxy.nextLog());
      assertEquals("smart", f.get("gen_ai.request.model"));
      assertEquals("gpt-4o-mini", f.get("gen_ai.response.model"));
      HttpResponse<String> embeddings =
          post(proxy, "/v1/embeddings", "{\"model\":\"smart\",\"input\":\"hello\"}");
      assertEquals(200, embeddings.statusCode(), embeddings.body());
      assertEquals("/v1/embeddings", openai.lastRequest().path());
      assertEquals("embeddings", fields(proxy.nextLog()).get("gen_ai.operation.name"));
      HttpResponse<String> count =
          post(proxy, "/v1/messages/count_tokens", MESSAGES.replace("\"max_tokens\":64,", ""));
      assertEquals(200, count.statusCode(), count.body());
      assertEquals(14, json(count).get("input_tokens").asInt());
    }
  }
}
