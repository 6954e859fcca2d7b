package dev.agentgateway.proxy.server;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.bodyOrError;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.get;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webclient.http2.Http2Client;
import io.helidon.webclient.http2.Http2ClientResponse;
import io.helidon.webserver.WebServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ListenerManagerIT {
  private WebServer upstream;
  private ProxyRuntime proxy;

  @BeforeEach
  void startUpstream() {
    upstream = ShellTesting.upstreamSaying("hello from upstream");
  }

  @AfterEach
  void stopAll() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.stop();
  }

  private String binds(int... ports) {
    StringBuilder yaml = new StringBuilder(LOOPBACK_ADMIN).append("binds:\n");
    for (int port : ports) {
      yaml.append(
          """
          - port: %d
            listeners:
            - protocol: HTTP
              routes:
              - name: r%d
                backends:
                - host: 127.0.0.1:%d
          """
              .formatted(port, port, upstream.port()));
    }
    return yaml.toString();
  }

  private static boolean refused(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void addingABindOnReloadOpensItsPortAndRemovingOneClosesIt() throws Exception {
    int p1 = freePort();
    int p2 = freePort();
    proxy = ShellTesting.start(parse(binds(p1)), null);
    assertEquals("hello from upstream", get("http://127.0.0.1:" + p1 + "/").body());
    // the proxy's own view: whether p2 is free on the machine is up to the other tests' servers
    assertEquals(Map.of("bind/" + p1, p1), proxy.bindPorts());

    assertTrue(proxy.reload(binds(p1, p2)));
    assertEquals("hello from upstream", get("http://127.0.0.1:" + p2 + "/x").body());
    assertEquals(Map.of("bind/" + p1, p1, "bind/" + p2, p2), proxy.bindPorts());

    assertTrue(proxy.reload(binds(p2)));
    assertTrue(eventually(Duration.ofSeconds(10), () -> refused(p1)), "port " + p1 + " still open");
    assertEquals("hello from upstream", get("http://127.0.0.1:" + p2 + "/").body());
    assertEquals(Map.of("bind/" + p2, p2), proxy.bindPorts());
    assertTrue(proxy.ready());
  }

  @Test
  void aPortInUseAtReloadRejectsTheConfigAndTheOldOneKeepsServing() throws Exception {
    int p1 = freePort();
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("0.0.0.0", 0));
      int busy = squatter.getLocalPort();
      proxy = ShellTesting.start(parse(binds(p1)), null);
      long version = proxy.state().get().version();

      assertFalse(proxy.reload(binds(p1, busy)));

      assertEquals(version, proxy.state().get().version());
      assertFalse(proxy.metrics().configSynchronized());
      assertEquals(Map.of("bind/" + p1, p1), proxy.bindPorts());
      assertEquals("hello from upstream", get("http://127.0.0.1:" + p1 + "/").body());
      assertTrue(proxy.ready());
    }
    assertTrue(proxy.reload(binds(p1)));
    assertTrue(proxy.metrics().configSynchronized());
  }

  @Test
  void aPortInUseAtStartIsAClearErrorNamingTheBind() throws Exception {
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("0.0.0.0", 0));
      int busy = squatter.getLocalPort();
      BindFailedException e =
          assertThrows(
              BindFailedException.class, () -> ShellTesting.start(parse(binds(busy)), null));
      assertEquals("bind/" + busy + ": port " + busy + " is already in use", e.getMessage());
      assertEquals(busy, e.port());
    }
  }

  @Test
  void servesHttp2ByPriorKnowledgeAndByUpgrade() throws Exception {
    int port = freePort();
    proxy = ShellTesting.start(parse(binds(port)), null);

    Http2Client h2 =
        Http2Client.builder()
            .baseUri("http://127.0.0.1:" + port)
            .protocolConfig(pc -> pc.priorKnowledge(true))
            .build();
    try (Http2ClientResponse res = h2.get("/prior").request()) {
      assertEquals(200, res.status().code());
      assertEquals("hello from upstream", res.as(String.class));
    }

    HttpClient upgrading = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> res =
        upgrading.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upgrade")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(HttpClient.Version.HTTP_2, res.version());
    assertEquals("hello from upstream", res.body());
  }

  @Test
  void countsAcceptedConnectionsPerBind() throws Exception {
    int port = freePort();
    proxy = ShellTesting.start(parse(binds(port)), null);
    for (int i = 0; i < 3; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        assertEquals(
            "HTTP/1.1 200 OK", ShellTesting.rawRequest(s, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
      }
    }
    String metrics = bodyOrError("http://127.0.0.1:" + proxy.port("stats") + "/metrics");
    assertTrue(
        metrics.contains(
            "agentgateway_downstream_connections_total{bind=\"bind/" + port + "\"} 3\n"),
        metrics);
  }
}
