package dev.agentgateway.proxy.llm;

import static dev.agentgateway.proxy.llm.AiBackends.groups;
import static dev.agentgateway.proxy.llm.AiBackends.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.llm.LlmStandIn;
import dev.agentgateway.proxy.testing.llm.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ai.routes} names the API per path suffix: {@code passthrough} forwards any request as the
 * client sent it with the gateway's key, {@code detect} does so and counts the answer's tokens, and
 * the APIs not served yet are answered 501.
 */
class LlmPassthroughIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"stream\":%s,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";

  private static ProxyFixture proxy(LlmStandIn openai) {
    AiPolicy ai =
        new AiPolicy(
            null,
            Map.of(),
            Map.of(),
            null,
            Map.of(),
            Map.of(
                "/v1/models", "passthrough",
                "/v1/chat/completions", "detect",
                "/v2/rerank", "rerank"));
    return ProxyFixture.start(
        AiBackends.route(
            "llm",
            "/",
            groups("routes", provider("oa", openai)),
            RoutePolicies.builder().ai(ai).build()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return CLIENT.send(
        b.header("authorization", "Bearer client-own-key").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> fields(RequestLog log) {
    Map<String, Object> out = new HashMap<>();
    for (RequestLog.Field f : log.fields()) {
      out.put(f.key(), f.value());
    }
    return out;
  }

  @Test
  void passthroughForwardsTheRequestAsSentWithTheGatewaysKey() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start();
        ProxyFixture proxy = proxy(openai)) {
      HttpResponse<String> direct =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(openai.baseUrl() + "/v1/models?limit=2"))
                  .header("authorization", "Bearer x")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> res =
          send(HttpRequest.newBuilder(URI.create(proxy.url("/v1/models?limit=2"))));
      assertEquals(200, res.statusCode(), res.body());
      // the provider's own list, not the gateway's configured models
      assertEquals(direct.body(), res.body());
      RecordedRequest seen = openai.lastRequest();
      assertEquals("GET", seen.method());
      assertEquals("/v1/models", seen.path());
      assertEquals("limit=2", seen.query());
      assertEquals("Bearer " + AiBackends.OPENAI_KEY, seen.header("authorization"));
    }
  }

  @Test
  void detectPassesTheBodyUnchangedAndCountsTheTokens() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start();
        ProxyFixture proxy = proxy(openai)) {
      for (boolean stream : new boolean[] {false, true}) {
        String body = CHAT.formatted(stream);
        HttpResponse<String> direct =
            CLIENT.send(
                HttpRequest.newBuilder(URI.create(openai.baseUrl() + "/v1/chat/completions"))
                    .header("authorization", "Bearer x")
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> res =
            send(
                HttpRequest.newBuilder(URI.create(proxy.url("/v1/chat/completions")))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, res.statusCode(), res.body());
        // byte for byte what the provider said, where chat would have changed ids and chunking
        assertEquals(direct.body(), res.body());
        assertEquals(body, openai.lastRequest().bodyText(), "sent as the client wrote it");
        assertFalse(openai.lastRequest().bodyText().contains("stream_options"));
        Map<String, Object> f = fields(proxy.nextLog());
        if (stream) {
          // without stream_options the provider sends no usage chunk: nothing to count
          assertFalse(f.containsKey("gen_ai.usage.output_tokens"), f.toString());
        } else {
          assertTrue((Long) f.get("gen_ai.usage.output_tokens") > 0, f.toString());
          assertEquals("gpt-4o-mini", f.get("gen_ai.request.model"));
        }
      }
      String withUsage =
          "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
      HttpResponse<String> res =
          send(
              HttpRequest.newBuilder(URI.create(proxy.url("/v1/chat/completions")))
                  .header("content-type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(withUsage)));
      assertEquals(200, res.statusCode());
      assertTrue(
          (Long) fields(proxy.nextLog()).get("gen_ai.usage.output_tokens") > 0,
          "the streamed usage chunk was counted");
    }
  }

  @Test
  void anApiNotServedYetIsAnswered501() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start();
        ProxyFixture proxy = proxy(openai)) {
      HttpResponse<String> res =
          send(
              HttpRequest.newBuilder(URI.create(proxy.url("/v2/rerank")))
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertEquals(501, res.statusCode());
      assertTrue(res.body().contains("the rerank API is not served yet"), res.body());
    }
  }
}
