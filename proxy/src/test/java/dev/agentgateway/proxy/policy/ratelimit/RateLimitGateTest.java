package dev.agentgateway.proxy.policy.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate a route's handler calls, on a real Helidon server. */
class RateLimitGateTest {
  private static final LocalRateLimitPolicy TWO_PER_MINUTE =
      new LocalRateLimitPolicy(
          List.of(
              new LocalRateLimitPolicy.Limit(
                  2, 1, Duration.ofMinutes(1), LocalRateLimitPolicy.Type.REQUESTS)));

  private final FakeClock clock = new FakeClock();
  private final RateLimiters limiters = new RateLimiters(clock);
  private final AtomicInteger served = new AtomicInteger();
  private final HttpClient client = HttpClient.newHttpClient();
  private WebServer server;

  @BeforeEach
  void start() {
    server =
        WebServer.builder()
            .port(0)
            .routing(
                r ->
                    r.any(
                        (req, res) -> {
                          // What the proxy handler does per request, with the route's gate.
                          RateLimitGate gate =
                              RateLimitGate.compile("api", TWO_PER_MINUTE, limiters);
                          if (!gate.admit(res)) {
                            return;
                          }
                          served.incrementAndGet();
                          res.send("ok");
                        }))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
    client.close();
  }

  private HttpResponse<String> get() throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> res, String name) {
    return res.headers().firstValue(name).orElse(null);
  }

  @Test
  void allowedResponsesCarryTheHeadersAndTheThirdRequestGets429() throws Exception {
    HttpResponse<String> first = get();
    assertEquals(200, first.statusCode());
    assertEquals("ok", first.body());
    assertEquals("2", header(first, "x-ratelimit-limit"));
    assertEquals("1", header(first, "x-ratelimit-remaining"));
    assertEquals("60", header(first, "x-ratelimit-reset"));
    assertNull(header(first, "retry-after"));

    assertEquals("0", header(get(), "x-ratelimit-remaining"));

    HttpResponse<String> refused = get();
    assertEquals(429, refused.statusCode());
    assertEquals("rate limit exceeded", refused.body());
    assertEquals("2", header(refused, "x-ratelimit-limit"));
    assertEquals("0", header(refused, "x-ratelimit-remaining"));
    assertEquals("60", header(refused, "retry-after"));
    assertEquals(Optional.of("text/plain"), refused.headers().firstValue("content-type"));
    assertEquals(2, served.get(), "a refused request never reaches the handler's work");

    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> refilled = get();
    assertEquals(200, refilled.statusCode());
    assertEquals("0", header(refilled, "x-ratelimit-remaining"));
  }

  @Test
  void routesWithoutALimitHaveNoGateAndRoutesCountSeparately() {
    assertNull(RateLimitGate.compile("api", null, limiters));
    RateLimitGate a = RateLimitGate.compile("a", TWO_PER_MINUTE, limiters);
    RateLimitGate b = RateLimitGate.compile("b", TWO_PER_MINUTE, limiters);
    assertTrue(a.check(0).allowed());
    assertTrue(a.check(0).allowed());
    assertEquals(false, a.check(0).allowed());
    assertTrue(b.check(0).allowed(), "another route has its own buckets");
    assertEquals(2, limiters.size());
  }
}
