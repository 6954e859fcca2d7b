package dev.agentgateway.proxy.admin;

import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.get;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AdminServerIT {
  private WebServer upstream;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() throws Exception {
    upstream = ShellTesting.upstreamSaying("upstream says hi");
    port = freePort();
    proxy =
        ShellTesting.start(
            parse(
                """
                config:
                  adminAddr: 127.0.0.1:0
                  statsAddr: 127.0.0.1:0
                  readinessAddr: 127.0.0.1:0
                  connectionMinTerminationDeadline: 1s
                  connectionTerminationDeadline: 5s
                """
                    + ShellTesting.oneRoute(port, "hello", upstream.port())),
            null);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.stop();
  }

  private String admin(String path) {
    return "http://127.0.0.1:" + proxy.port("admin") + path;
  }

  @Test
  void configDumpIsTheRunningConfigAsJson() throws Exception {
    HttpResponse<String> res = get(admin("/config_dump"));
    assertEquals(200, res.statusCode());
    assertEquals("application/json", res.headers().firstValue("content-type").orElse(""));
    JsonNode dump = new ObjectMapper().readTree(res.body());
    assertEquals(port, dump.at("/binds/0/port").asInt(), res.body());
    assertEquals("hello", dump.at("/routes/0/name").asText(), res.body());
    assertEquals("1s", dump.at("/config/connectionMinTerminationDeadline").asText(), res.body());
  }

  @Test
  void indexListsTheEndpoints() throws Exception {
    HttpResponse<String> res = get(admin("/"));
    assertEquals(200, res.statusCode());
    assertTrue(res.body().contains("/config_dump"), res.body());
    assertTrue(res.body().contains("/quitquitquit"), res.body());
  }

  @Test
  void quitquitquitRunsTheGracefulShutdown() throws Exception {
    String ready = "http://127.0.0.1:" + proxy.port("readiness") + "/healthz/ready";
    assertEquals(200, get(ready).statusCode());

    HttpResponse<String> res =
        ShellTesting.send(
            HttpRequest.newBuilder(URI.create(admin("/quitquitquit")))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(200, res.statusCode());

    // Within the minimum termination window: not ready, but still serving.
    assertEquals(503, get(ready).statusCode());
    assertEquals("upstream says hi", get("http://127.0.0.1:" + port + "/").body());

    assertTrue(proxy.awaitShutdown(Duration.ofSeconds(20)), "shutdown did not finish");
    assertEquals("ConnectException", ShellTesting.bodyOrError("http://127.0.0.1:" + port + "/"));
  }

  @Test
  void quitquitquitNeedsPost() throws Exception {
    assertEquals(404, get(admin("/quitquitquit")).statusCode());
    assertTrue(proxy.ready());
  }

  @Test
  void readinessIs503UntilReadyThen200() throws Exception {
    AtomicBoolean flag = new AtomicBoolean();
    try (ObservabilityServers servers =
        ObservabilityServers.start(
            List.of(
                new ObservabilityServers.Endpoint(
                    "readiness", "127.0.0.1:0", new ReadinessEndpoints(flag::get))))) {
      String url = "http://127.0.0.1:" + servers.port("readiness") + "/healthz/ready";
      HttpResponse<String> before = get(url);
      assertEquals(503, before.statusCode());
      assertEquals("not ready\n", before.body());
      flag.set(true);
      HttpResponse<String> after = get(url);
      assertEquals(200, after.statusCode());
      assertEquals("ready\n", after.body());
    }
  }

  @Test
  void metricsCountAProxiedRequest() throws Exception {
    assertEquals("upstream says hi", get("http://127.0.0.1:" + port + "/some/path").body());
    String stats = "http://127.0.0.1:" + proxy.port("stats");
    String series =
        "agentgateway_requests_total{bind=\"bind/"
            + port
            + "\",route=\"hello\",backend=\"127.0.0.1:"
            + upstream.port()
            + "\",method=\"GET\",status=\"200\",protocol=\"http\",reason=\"Upstream\"} 1\n";
    // The access log and metrics are written after the response completes: allow a moment.
    assertTrue(
        eventually(
            Duration.ofSeconds(5),
            () -> ShellTesting.bodyOrError(stats + "/metrics").contains(series)),
        ShellTesting.bodyOrError(stats + "/metrics"));
    HttpResponse<String> res = get(stats + "/stats/prometheus");
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8",
        res.headers().firstValue("content-type").orElse(""));
    assertTrue(res.body().contains(series), res.body());
    assertTrue(res.body().contains("agentgateway_config_synchronized 1\n"), res.body());
    assertTrue(res.body().contains("# TYPE agentgateway_request_duration_seconds histogram\n"));
  }

  @Test
  void sharedAddressesShareOneServer() throws Exception {
    int shared = freePort();
    try (ObservabilityServers servers =
        ObservabilityServers.start(
            List.of(
                new ObservabilityServers.Endpoint(
                    "stats", "127.0.0.1:" + shared, new StatsEndpoints(proxy.metrics().registry())),
                new ObservabilityServers.Endpoint(
                    "readiness", "127.0.0.1:" + shared, new ReadinessEndpoints(() -> true)),
                new ObservabilityServers.Endpoint("admin", null, rules -> {})))) {
      assertEquals(shared, servers.port("stats"));
      assertEquals(shared, servers.port("readiness"));
      assertEquals(-1, servers.port("admin"));
      assertEquals(200, get("http://127.0.0.1:" + shared + "/healthz/ready").statusCode());
      assertEquals(200, get("http://127.0.0.1:" + shared + "/metrics").statusCode());
    }
  }
}
