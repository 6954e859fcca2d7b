package dev.agentgateway.proxy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.CorsPolicy;
import dev.agentgateway.model.ir.DirectResponse;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cors policy: preflights answered by the proxy, allowed origins' responses marked. */
class CorsIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final AtomicInteger UPSTREAM_HITS = new AtomicInteger();
  private static WebServer upstream;
  private static ProxyFixture proxy;

  private static RoutePolicies cors(CorsPolicy cors, DirectResponse direct) {
    return RoutePolicies.builder().directResponse(direct).cors(cors).build();
  }

  @BeforeAll
  static void start() {
    upstream =
        WebServer.builder()
            .port(0)
            .routing(
                r ->
                    r.any(
                        (req, res) -> {
                          UPSTREAM_HITS.incrementAndGet();
                          res.send("upstream");
                        }))
            .build()
            .start();
    CorsPolicy open =
        new CorsPolicy(
            false,
            List.of("content-type", "mcp-session-id"),
            List.of("GET", "POST"),
            List.of("https://app.example", "https://*.example.org"),
            List.of("Mcp-Session-Id"),
            Duration.ofMinutes(10));
    CorsPolicy anyWithCredentials =
        new CorsPolicy(true, List.of(), List.of(), List.of("*"), List.of(), null);
    proxy =
        ProxyFixture.start(
            TestConfigs.route(
                "api",
                TestConfigs.prefix("/api"),
                cors(open, null),
                List.of(new RouteBackend(ProxyFixture.local(upstream.port()), 1)),
                0),
            TestConfigs.route(
                "closed",
                TestConfigs.prefix("/closed"),
                cors(anyWithCredentials, new DirectResponse(403, "no")),
                List.of(),
                1));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.stop();
    }
  }

  private static HttpResponse<String> send(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(proxy.url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithoutReachingTheUpstream() throws Exception {
    int before = UPSTREAM_HITS.get();
    HttpResponse<String> res =
        send(
            "OPTIONS",
            "/api/x",
            "Origin",
            "https://app.example",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type");
    assertEquals(200, res.statusCode());
    var h = res.headers();
    assertEquals("https://app.example", h.firstValue("access-control-allow-origin").orElse(""));
    assertEquals("GET, POST", h.firstValue("access-control-allow-methods").orElse(""));
    assertEquals(
        "content-type, mcp-session-id", h.firstValue("access-control-allow-headers").orElse(""));
    assertEquals("600", h.firstValue("access-control-max-age").orElse(""));
    assertEquals("Origin", h.firstValue("vary").orElse(""));
    assertEquals(before, UPSTREAM_HITS.get(), "the upstream never saw the preflight");
  }

  @Test
  void anAllowedOriginsResponseExposesHeadersAndOthersGetNone() throws Exception {
    HttpResponse<String> sub = send("GET", "/api/x", "Origin", "https://a.example.org");
    assertEquals("upstream", sub.body());
    assertEquals(
        "https://a.example.org",
        sub.headers().firstValue("access-control-allow-origin").orElse(""));
    assertEquals(
        "Mcp-Session-Id", sub.headers().firstValue("access-control-expose-headers").orElse(""));

    for (String origin : List.of("https://evil.example", "https://example.org")) {
      HttpResponse<String> other = send("GET", "/api/x", "Origin", origin);
      assertEquals("upstream", other.body());
      assertFalse(other.headers().firstValue("access-control-allow-origin").isPresent(), origin);
    }
    assertFalse(
        send("GET", "/api/x").headers().firstValue("access-control-allow-origin").isPresent());
  }

  @Test
  void refusalsCarryCorsHeadersAndCredentialsEchoTheOrigin() throws Exception {
    HttpResponse<String> res = send("GET", "/closed", "Origin", "https://anyone.example");
    assertEquals(403, res.statusCode());
    assertEquals(
        "https://anyone.example",
        res.headers().firstValue("access-control-allow-origin").orElse(""),
        "with credentials the origin is echoed, never *");
    assertTrue(res.headers().firstValue("access-control-allow-credentials").isPresent());
  }
}
