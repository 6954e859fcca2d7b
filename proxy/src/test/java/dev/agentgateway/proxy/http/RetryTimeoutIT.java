package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import io.helidon.http.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries replay the request; timeouts answer 504 and leave the proxy healthy. */
class RetryTimeoutIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static RoutePolicies retry(int attempts, Set<Integer> codes) {
    return TestConfigs.only(new RetryPolicy(attempts, Duration.ofMillis(20), codes));
  }

  private static RoutePolicies timeout(Duration request, Duration perTry) {
    return TestConfigs.only(new TimeoutPolicy(request, perTry));
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return ProxyFixture.post(CLIENT, url, body);
  }

  @Test
  void retriesOn503ThenSucceedsWithTheSameBody() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.post(
                        "/flaky",
                        (req, res) -> {
                          String body = req.content().as(String.class);
                          if (attempts.incrementAndGet() < 3) {
                            res.status(Status.SERVICE_UNAVAILABLE_503).send("busy");
                          } else {
                            res.send("got " + body);
                          }
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(
                route("flaky", "/", retry(3, Set.of(503)), local(upstream.port())))) {
      HttpResponse<String> response = post(proxy.url("/flaky"), "payload");

      assertEquals(200, response.statusCode());
      assertEquals("got payload", response.body());
      assertEquals(3, attempts.get());
      RequestLog log = proxy.nextLog();
      assertEquals(2, log.retries());
      assertEquals(200, log.status());
    }
  }

  @Test
  void lastRetryableAnswerIsRelayedWhenAttemptsRunOut() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.get(
                        "/down",
                        (req, res) -> {
                          attempts.incrementAndGet();
                          res.status(Status.SERVICE_UNAVAILABLE_503).send("still busy");
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(route("down", "/", retry(2, Set.of(503)), local(upstream.port())))) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/down"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(503, response.statusCode());
      assertEquals("still busy", response.body());
      assertEquals(2, attempts.get());
    }
  }

  @Test
  void bodiesLargerThanTheBufferAreNotRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.post(
                        "/big",
                        (req, res) -> {
                          req.content().as(byte[].class);
                          attempts.incrementAndGet();
                          res.status(Status.SERVICE_UNAVAILABLE_503).send("busy");
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(
                new FrontendHttp(16, 0, 0, Duration.ofMinutes(1)),
                route("big", "/", retry(3, Set.of(503)), local(upstream.port())))) {
      HttpResponse<String> response = post(proxy.url("/big"), "more than sixteen bytes of body");
      assertEquals(503, response.statusCode());
      assertEquals(1, attempts.get());
    }
  }

  @Test
  void connectFailureIsRetriedOnAnotherTry() throws Exception {
    int dead = ShellTesting.freePort();
    try (ProxyFixture proxy =
        ProxyFixture.start(route("dead", "/", retry(3, Set.of()), local(dead)))) {
      HttpResponse<String> response = post(proxy.url("/x"), "body");
      assertEquals(502, response.statusCode());
      assertEquals(2, proxy.nextLog().retries());
    }
  }

  @Test
  void slowUpstreamGets504AndTheProxyStaysHealthy() throws Exception {
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.get(
                            "/slow",
                            (req, res) -> {
                              Thread.sleep(3000);
                              res.send("late");
                            })
                        .get("/fast", (req, res) -> res.send("quick")));
        ProxyFixture proxy =
            ProxyFixture.start(
                route(
                    "slow", "/", timeout(Duration.ofMillis(300), null), local(upstream.port())))) {
      long start = System.nanoTime();
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/slow"))).build(),
              HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertEquals(504, response.statusCode());
      assertEquals("upstream request timeout", response.body());
      assertTrue(millis < 2500, "answered after " + millis + " ms");
      assertEquals(504, proxy.nextLog().status());
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> fast =
            CLIENT.send(
                HttpRequest.newBuilder(URI.create(proxy.url("/fast"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("quick", fast.body());
      }
    }
  }

  @Test
  void perTryTimeoutAlsoGives504() throws Exception {
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.get(
                        "/slow",
                        (req, res) -> {
                          Thread.sleep(3000);
                          res.send("late");
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(
                route(
                    "slow", "/", timeout(null, Duration.ofMillis(200)), local(upstream.port())))) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/slow"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(504, response.statusCode());
    }
  }
}
