package dev.agentgateway.proxy.llm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the fake guard service saw. */
  private record Seen(String path, String tenant, JsonNode body) {}

  private HttpServer server;
  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile String reply = "{\"action\":{}}";
  private volatile boolean hang;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    client.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    seen.add(
        new Seen(
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("x-tenant"),
            body));
    if (hang) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private WebhookGuard guard(FailureMode mode, Duration timeout) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/guard/");
    return new WebhookGuard(new Webhook(base, timeout, mode), client);
  }

  private static final List<GuardMessage> PROMPT =
      List.of(new GuardMessage("system", "be nice"), new GuardMessage("user", "my id is 42"));

  @Test
  void postsTheMessagesToTheRequestPathWithTheGivenHeadersAndPasses() throws Exception {
    WebhookVerdict verdict = guard(null, null).checkRequest(PROMPT, Map.of("x-tenant", "acme"));
    assertInstanceOf(WebhookVerdict.Pass.class, verdict);
    Seen request = seen.take();
    assertEquals("/guard/request", request.path());
    assertEquals("acme", request.tenant());
    assertEquals(
        JSON.readTree(
            "{\"body\":{\"messages\":[{\"role\":\"system\",\"content\":\"be nice\"},"
                + "{\"role\":\"user\",\"content\":\"my id is 42\"}]}}"),
        request.body());
  }

  @Test
  void maskReplyReplacesTheTextsInOrder() {
    reply =
        "{\"action\":{\"body\":{\"messages\":[{\"role\":\"system\",\"content\":\"be nice\"},"
            + "{\"role\":\"user\",\"content\":\"my id is <ID>\"}]},\"reason\":\"id\"}}";
    WebhookVerdict.Mask mask =
        assertInstanceOf(
            WebhookVerdict.Mask.class, guard(null, null).checkRequest(PROMPT, Map.of()));
    assertEquals("my id is <ID>", mask.messages().get(1).content());
    assertEquals("id", mask.reason());
  }

  @Test
  void rejectReplyCarriesStatusAndBody() {
    reply = "{\"action\":{\"body\":\"no ids\",\"status_code\":422}}";
    WebhookVerdict.Reject reject =
        assertInstanceOf(
            WebhookVerdict.Reject.class, guard(null, null).checkRequest(PROMPT, Map.of()));
    assertEquals(422, reject.statusCode());
    assertEquals("no ids", reject.body());
  }

  @Test
  void responseChecksUseChoices() throws Exception {
    reply =
        "{\"action\":{\"body\":{\"choices\":[{\"message\":{\"role\":\"assistant\","
            + "\"content\":\"[redacted]\"}}]}}}";
    WebhookVerdict.Mask mask =
        assertInstanceOf(
            WebhookVerdict.Mask.class,
            guard(null, null)
                .checkResponse(List.of(new GuardMessage("assistant", "secret")), Map.of()));
    assertEquals("[redacted]", mask.messages().get(0).content());
    Seen request = seen.take();
    assertEquals("/guard/response", request.path());
    assertEquals("secret", request.body().at("/body/choices/0/message/content").asText());
  }

  @Test
  void failedCallsFollowTheFailureMode() {
    status = 500;
    WebhookVerdict.Reject closed =
        assertInstanceOf(
            WebhookVerdict.Reject.class, guard(null, null).checkRequest(PROMPT, Map.of()));
    assertEquals(500, closed.statusCode());
    assertTrue(closed.reason().contains("HTTP 500"));
    assertInstanceOf(
        WebhookVerdict.Pass.class,
        guard(FailureMode.FAIL_OPEN, null).checkRequest(PROMPT, Map.of()));

    status = 200;
    reply = "{\"action\":{\"body\":{\"messages\":[]}}}"; // a mask of the wrong length
    assertInstanceOf(WebhookVerdict.Reject.class, guard(null, null).checkRequest(PROMPT, Map.of()));
    reply = "not json";
    assertInstanceOf(
        WebhookVerdict.Pass.class,
        guard(FailureMode.FAIL_OPEN, null).checkRequest(PROMPT, Map.of()));
  }

  @Test
  void aWebhookThatNeverAnswersTimesOut() {
    hang = true;
    WebhookVerdict.Reject closed =
        assertInstanceOf(
            WebhookVerdict.Reject.class,
            guard(FailureMode.FAIL_CLOSED, Duration.ofMillis(200)).checkRequest(PROMPT, Map.of()));
    assertTrue(closed.reason().contains("Timeout"), closed.reason());
    assertInstanceOf(
        WebhookVerdict.Pass.class,
        guard(FailureMode.FAIL_OPEN, Duration.ofMillis(200)).checkRequest(PROMPT, Map.of()));
  }

  @Test
  void promptGuardsWriteAWebhookMaskBackIntoTheBody() throws Exception {
    reply =
        "{\"action\":{\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"hello <NAME>\"}]}}}";
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    PromptGuards guards =
        PromptGuards.compile(
            new PromptGuard(
                false,
                List.of(new RequestGuard(null, new Webhook(base, null, null), null, null)),
                List.of()),
            client);
    ObjectNode body =
        (ObjectNode)
            JSON.readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello Bob\"}]}");
    assertEquals(
        new GuardResult.Allowed(true),
        guards.checkRequest(body, ClientFormat.OPENAI_CHAT, Map.of()));
    assertEquals("hello <NAME>", body.at("/messages/0/content").asText());

    reply = "{\"action\":{\"body\":\"nope\",\"status_code\":400}}";
    GuardResult.Rejected rejected =
        assertInstanceOf(
            GuardResult.Rejected.class,
            guards.checkRequest(body, ClientFormat.OPENAI_CHAT, Map.of()));
    assertEquals(Rejection.of(400, "nope"), rejected.rejection());
  }
}
