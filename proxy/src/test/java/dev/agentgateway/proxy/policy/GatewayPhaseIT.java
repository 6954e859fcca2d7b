package dev.agentgateway.proxy.policy;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.LogFields;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code phase: gateway} policies through the whole proxy from a standalone file: they run on the
 * listener before route selection, so they reach requests no route matches; each refusal names its
 * policy in the access log's {@code reason} and the {@code reason} label of {@code
 * agentgateway_requests_total}.
 */
@Timeout(60)
class GatewayPhaseIT {
  private final List<Map<String, Object>> lines = new CopyOnWriteArrayList<>();
  private final Logger requestLogger = Logger.getLogger(AccessLog.LOGGER_NAME);
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getParameters() == null
              || !(record.getParameters()[0] instanceof LogFields fields)) {
            return;
          }
          Map<String, Object> line = new LinkedHashMap<>();
          for (int i = 0; i < fields.size(); i++) {
            line.put(fields.key(i), fields.value(i));
          }
          lines.add(line);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private WebServer upstream;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() {
    upstream = ShellTesting.upstreamSaying("ok");
    port = ShellTesting.freePort();
    requestLogger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    requestLogger.removeHandler(capture);
    if (proxy != null) {
      proxy.close();
    }
    upstream.stop();
  }

  private void serve(String policies) throws Exception {
    String yaml =
        LOOPBACK_ADMIN
            + """
            binds:
            - port: %d
              listeners:
              - name: main
                routes:
                - name: api
                  matches: [{path: {pathPrefix: /api}}]
                  backends: [{host: "127.0.0.1:%d"}]
            """
                .formatted(port, upstream.port())
            + policies;
    proxy = ShellTesting.start(ShellTesting.parse(yaml), null);
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return ShellTesting.send(b.build());
  }

  private Map<String, Object> line(int index) throws InterruptedException {
    assertTrue(eventually(Duration.ofSeconds(10), () -> lines.size() > index), "line " + index);
    return lines.get(index);
  }

  @Test
  void gatewayPhaseAuthRefusesEvenRequestsNoRouteMatches() throws Exception {
    serve(
        """
        policies:
        - name: keys
          target: {gateway: {gatewayName: default}}
          phase: gateway
          policy:
            apiKey:
              mode: strict
              keys: [{key: k-123}]
              location: {header: {name: x-api-key}}
        """);

    HttpResponse<String> refused = get("/nowhere");
    assertEquals(401, refused.statusCode(), "the gateway phase answers before route selection");
    assertEquals(404, get("/nowhere", "x-api-key", "k-123").statusCode());
    assertEquals(200, get("/api/x", "x-api-key", "k-123").statusCode());
    assertEquals(401, get("/api/x", "x-api-key", "wrong").statusCode());

    assertEquals("APIKeyAuth", line(0).get("reason"));
    assertEquals("api key: missing", line(0).get("error"));
    assertFalse(line(0).containsKey("route"), "refused before any route was chosen");
    assertEquals("NotFound", line(1).get("reason"));
    assertFalse(line(2).containsKey("reason"), "the upstream answered: " + line(2));
    assertEquals("api key: invalid", line(3).get("error"));

    String metrics = proxy.metrics().registry().scrape();
    assertTrue(
        metrics.contains("status=\"401\",protocol=\"http\",reason=\"APIKeyAuth\"} 2"), metrics);
    assertTrue(
        metrics.contains("status=\"404\",protocol=\"http\",reason=\"NotFound\"} 1"), metrics);
    assertTrue(
        metrics.contains("status=\"200\",protocol=\"http\",reason=\"Upstream\"} 1"), metrics);
  }

  @Test
  void gatewayPhaseCorsAndRateLimitRunBeforeRoutePolicies() throws Exception {
    serve(
        """
        policies:
        - name: early
          target: {gateway: {gatewayName: default, listenerName: main}}
          phase: gateway
          policy:
            cors: {allowOrigins: ["https://app.example"], allowMethods: [GET]}
            localRateLimit: [{maxTokens: 1, tokensPerFill: 1, fillInterval: 1h}]
        - name: route-phase
          target: {gateway: {gatewayName: default}}
          policy:
            directResponse: {status: 418, body: "route phase"}
        """);

    HttpResponse<String> preflight =
        ShellTesting.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nowhere"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET")
                .build());
    assertEquals(200, preflight.statusCode());
    assertEquals(
        "https://app.example",
        preflight.headers().firstValue("access-control-allow-origin").orElse(null));
    assertEquals("DirectResponse", line(0).get("reason"));

    // the route phase still runs after the gateway phase admitted the request
    HttpResponse<String> admitted = get("/api/x");
    assertEquals(418, admitted.statusCode());
    assertEquals("route phase", admitted.body());
    HttpResponse<String> limited = get("/api/x");
    assertEquals(429, limited.statusCode());
    assertTrue(
        limited.headers().firstValue("x-ratelimit-limit").isPresent(),
        limited.headers().toString());
    assertEquals("RateLimit", line(2).get("reason"));
    assertTrue(
        proxy.metrics().registry().scrape().contains("reason=\"RateLimit\"} 1"),
        "the 429 is counted under its reason");
  }
}
