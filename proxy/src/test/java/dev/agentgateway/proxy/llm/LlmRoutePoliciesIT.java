package dev.agentgateway.proxy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.llm.LlmStandIn;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A route's {@code ai} and {@code localRateLimit} policies on the LLM path: upstream's
 * llm-prompt-guard.yaml as written (pointed at a stand-in), and a token budget.
 */
class LlmRoutePoliciesIT {

  private static HttpResponse<String> chat(int port, String content) throws Exception {
    return post(
        port,
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + content
            + "\"}]}");
  }

  private static HttpResponse<String> post(int port, String body) throws Exception {
    return ShellTesting.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * One route on {@code port} to an OpenAI provider at {@code providerPort}, plus {@code policies}.
   */
  private static GatewayConfig openAiRoute(int port, int providerPort, String policies)
      throws Exception {
    String yaml =
        ShellTesting.LOOPBACK_ADMIN
            + """
            binds:
            - port: %d
              listeners:
              - routes:
                - backends:
                  - ai:
                      name: openai
                      hostOverride: 127.0.0.1:%d
                      provider:
                        openAI:
                          model: gpt-4o-mini
                  policies:
                    backendAuth:
                      key: sk-test
            """
                .formatted(port, providerPort)
            + policies.indent(8);
    return new LocalConfigLoader(Map.of()).parse(yaml);
  }

  private static String example(String name) throws Exception {
    String shared = System.getProperty("agw.shared.dir");
    assertTrue(shared != null, "system property agw.shared.dir is not set (see proxy/pom.xml)");
    return Files.readString(Path.of(shared, "reference", "upstream", "examples", name));
  }

  @Test
  void upstreamsPromptGuardExampleRejectsWithItsConfiguredAnswer() throws Exception {
    int port = ShellTesting.freePort();
    try (LlmStandIn openai = LlmStandIn.openAi().start()) {
      String yaml =
          ShellTesting.LOOPBACK_ADMIN
              + example("llm-prompt-guard.yaml")
                  .replace("- port: 3000", "- port: " + port)
                  .replace(
                      "          name: openai\n",
                      "          name: openai\n          hostOverride: 127.0.0.1:"
                          + openai.port()
                          + "\n");
      GatewayConfig config = new LocalConfigLoader(Map.of("OPENAI_API_KEY", "sk-test")).parse(yaml);
      try (ProxyRuntime proxy = ShellTesting.start(config, null)) {
        int before = openai.requests().size();
        HttpResponse<String> refused = chat(port, "My SSN is 123-45-6789");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("content_policy_violation"), refused.body());
        assertEquals("application/json", refused.headers().firstValue("content-type").orElse(""));
        assertEquals(
            before, openai.requests().size(), "a refused prompt never reaches the provider");

        HttpResponse<String> fine = chat(port, "Say hello.");
        assertEquals(200, fine.statusCode(), fine.body());
        assertFalse(fine.body().contains("content_policy_violation"));
      }
    }
  }

  @Test
  void aTokenBudgetChargesTheAnswersUsageAndRefusesTheNextRequest() throws Exception {
    int port = ShellTesting.freePort();
    try (LlmStandIn openai = LlmStandIn.openAi().start()) {
      GatewayConfig config =
          openAiRoute(
              port,
              openai.port(),
              """
              localRateLimit:
              - maxTokens: 20
                tokensPerFill: 20
                fillInterval: 1h
                type: tokens
              """);
      try (ProxyRuntime proxy = ShellTesting.start(config, null)) {
        HttpResponse<String> first = chat(port, "Say hello.");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("20", first.headers().firstValue("x-ratelimit-limit").orElse(""));
        // The stand-in's answer used 29 tokens: more than the bucket, charged after the answer.
        HttpResponse<String> second = chat(port, "Say hello again.");
        assertEquals(429, second.statusCode(), second.body());
        assertTrue(second.body().contains("rate limit exceeded"), second.body());
        assertTrue(second.headers().firstValue("retry-after").isPresent());
      }
    }
  }

  @Test
  void aStreamingGuardMasksACardNumberSplitAcrossTwoSseChunks() throws Exception {
    // A provider that streams the number in two events, 200 ms apart.
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/v1/chat/completions",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("content-type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (String part : List.of("Your card 4111 1111 ", "1111 1111 is on file.")) {
              out.write(sse(part, null));
              out.flush();
              Thread.sleep(200);
            }
            out.write(sse(null, "stop"));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    provider.start();
    int port = ShellTesting.freePort();
    GatewayConfig config =
        openAiRoute(
            port,
            provider.getAddress().getPort(),
            """
            ai:
              promptGuard:
                streaming: Enabled
                response:
                - regex:
                    action: mask
                    rules:
                    - builtin: creditCard
            """);
    try (ProxyRuntime proxy = ShellTesting.start(config, null)) {
      HttpResponse<String> res =
          post(
              port,
              "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":"
                  + "{\"include_usage\":true},\"messages\":[{\"role\":\"user\","
                  + "\"content\":\"card?\"}]}");
      assertEquals(200, res.statusCode(), res.body());
      StringBuilder text = new StringBuilder();
      for (String line : res.body().split("\n")) {
        if (line.startsWith("data: {")) {
          var content =
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(line.substring(6))
                  .at("/choices/0/delta/content");
          if (content.isTextual()) {
            text.append(content.asText());
          }
        }
      }
      assertEquals("Your card <CREDIT_CARD> is on file.", text.toString(), res.body());
      assertFalse(res.body().contains("4111"), res.body());
      assertTrue(res.body().trim().endsWith("data: [DONE]"), res.body());
    } finally {
      provider.stop(0);
    }
  }

  private static byte[] sse(String content, String finish) {
    return ("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"delta\":"
            + (content == null ? "{}" : "{\"content\":\"" + content + "\"}")
            + ",\"finish_reason\":"
            + (finish == null ? "null" : "\"" + finish + "\"")
            + "}]}\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
