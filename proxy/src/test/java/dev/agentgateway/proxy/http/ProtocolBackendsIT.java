package dev.agentgateway.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protocol backends side by side on one listener: an A2A backend passes through, an AI backend is
 * served by the LLM gateway (which answers in the OpenAI error shape without calling a provider
 * when the request cannot be one).
 */
class ProtocolBackendsIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static Route route(String prefix, Backend backend, int order) {
    return TestConfigs.route(
        prefix.substring(1),
        TestConfigs.prefix(prefix),
        null,
        List.of(new RouteBackend(backend, 1)),
        order);
  }

  private static HttpResponse<String> get(ProxyFixture proxy, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(proxy.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a2aPassesThroughNextToAnAiBackend() throws Exception {
    Backend ai =
        new Backend.Ai(
            "llm/openai",
            List.of(
                List.of(new AiProvider("openai", new AiProvider.OpenAi(null), null, null, null))));
    try (Upstream agent = Upstream.start(r -> r.any((req, res) -> res.send("agent")));
        ProxyFixture proxy =
            ProxyFixture.start(
                route("/agent", new Backend.A2a(new Backend.Host("127.0.0.1", agent.port())), 0),
                route("/v1", ai, 2))) {
      HttpResponse<String> a2a = get(proxy, "/agent/.well-known/agent-card.json");
      assertEquals(200, a2a.statusCode());
      assertEquals("agent", a2a.body());
      assertEquals("127.0.0.1:" + agent.port(), proxy.nextLog().backend());

      HttpResponse<String> chat = get(proxy, "/v1/chat/completions");
      assertEquals(405, chat.statusCode());
      assertTrue(chat.body().contains("\"invalid_request_error\""), chat.body());
      RequestLog log = proxy.nextLog();
      assertEquals("llm/openai", log.backend());
      assertEquals("llm", log.backendProtocol());
    }
  }
}
