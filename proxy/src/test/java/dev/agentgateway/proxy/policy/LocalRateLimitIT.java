package dev.agentgateway.proxy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** localRateLimit on a plain HTTP route: requests past the bucket get 429 with the headers. */
class LocalRateLimitIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void requestsPastTheBucketGet429WithRetryAfterAndAdmittedOnesSeeWhatIsLeft() throws Exception {
    WebServer upstream =
        WebServer.builder()
            .port(0)
            .routing(r -> r.any((req, res) -> res.send("ok")))
            .build()
            .start();
    RoutePolicies policies =
        RoutePolicies.builder()
            .localRateLimit(
                new LocalRateLimitPolicy(
                    List.of(
                        new LocalRateLimitPolicy.Limit(
                            2, 1, Duration.ofHours(1), LocalRateLimitPolicy.Type.REQUESTS))))
            .build();
    try (ProxyFixture proxy =
        ProxyFixture.start(
            TestConfigs.route(
                "limited",
                TestConfigs.prefix("/"),
                policies,
                List.of(new RouteBackend(ProxyFixture.local(upstream.port()), 1)),
                0))) {
      HttpRequest get = HttpRequest.newBuilder(URI.create(proxy.url("/x"))).build();
      HttpResponse<String> first = CLIENT.send(get, HttpResponse.BodyHandlers.ofString());
      assertEquals("ok", first.body());
      assertEquals("2", first.headers().firstValue("x-ratelimit-limit").orElse(""));
      assertEquals("1", first.headers().firstValue("x-ratelimit-remaining").orElse(""));
      assertEquals(200, CLIENT.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());

      HttpResponse<String> refused = CLIENT.send(get, HttpResponse.BodyHandlers.ofString());
      assertEquals(429, refused.statusCode());
      assertEquals("0", refused.headers().firstValue("x-ratelimit-remaining").orElse(""));
      long retryAfter = Long.parseLong(refused.headers().firstValue("retry-after").orElse("0"));
      assertTrue(retryAfter > 0 && retryAfter <= 3600, "retry-after " + retryAfter);
      assertTrue(proxy.logs().stream().anyMatch(l -> l.status() == 429), "the refusal is logged");
    } finally {
      upstream.stop();
    }
  }
}
