package dev.agentgateway.proxy.tls;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 negotiated by ALPN on an HTTPS listener, with real HTTP/2 clients. */
@Timeout(60)
class Http2OverTlsIT {
  private static final TestPki.Issued CA = TestPki.ca("h2 CA");
  private static final TestPki.Issued SERVER = CA.server("localhost", "localhost");
  private static final TestPki.Issued A = CA.server("a.example", "a.example");

  @TempDir static Path dir;
  private static WebServer upstream;
  private static ProxyRuntime proxy;
  private static int port;
  private static int sni;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        ShellTesting.upstream(
            r ->
                r.post(
                        (req, res) ->
                            res.send(String.valueOf(req.content().as(byte[].class).length)))
                    .any((req, res) -> res.send("hello")));
    Files.writeString(dir.resolve("tls.crt"), SERVER.chainPem());
    Files.writeString(dir.resolve("tls.key"), SERVER.keyPem());
    Files.writeString(dir.resolve("a.crt"), A.chainPem());
    Files.writeString(dir.resolve("a.key"), A.keyPem());
    port = freePort();
    sni = freePort();
    String yaml =
        LOOPBACK_ADMIN
            + """
            binds:
            - port: %1$d
              listeners:
              - protocol: HTTPS
                tls: {cert: %3$s/tls.crt, key: %3$s/tls.key}
                routes: [{backends: [{host: "127.0.0.1:%2$d"}]}]
            - port: %4$d
              listeners:
              - name: a
                hostname: a.example
                protocol: HTTPS
                tls: {cert: %3$s/a.crt, key: %3$s/a.key}
                routes: [{name: a, backends: [{host: "127.0.0.1:%2$d"}]}]
              - name: b
                hostname: localhost
                protocol: HTTPS
                tls: {cert: %3$s/tls.crt, key: %3$s/tls.key}
                routes: [{name: b, backends: [{host: "127.0.0.1:%2$d"}]}]
            """
                .formatted(port, upstream.port(), dir, sni);
    proxy = ShellTesting.start(parse(yaml), null);
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

  @Test
  void alpnSelectsH2WhenTheClientOffersIt() throws Exception {
    try (SSLSocket s =
        TlsClients.connect(
            TlsClients.context(CA, null), port, "localhost", null, List.of("h2", "http/1.1"))) {
      assertEquals("h2", s.getApplicationProtocol());
    }
  }

  @Test
  void alpnH2OnlyOnASniBind() throws Exception {
    for (int p : new int[] {port, sni}) {
      try (SSLSocket s =
          TlsClients.connect(TlsClients.context(CA, null), p, "localhost", null, List.of("h2"))) {
        assertEquals("h2", s.getApplicationProtocol());
        s.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes());
        s.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
        s.getOutputStream().flush();
        byte[] head = s.getInputStream().readNBytes(9);
        assertEquals(4, head[3], "a SETTINGS frame first");
      }
    }
  }

  @Test
  void anHttp2ClientOnTheSniBind() throws Exception {
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .sslContext(TlsClients.context(CA, null))
            .build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + sni + "/x")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(HttpClient.Version.HTTP_2, response.version());
      assertEquals("hello", response.body());
    }
  }

  @Test
  void anHttp2ClientIsServedOverTls() throws Exception {
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .sslContext(TlsClients.context(CA, null))
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      for (int i = 0; i < 3; i++) { // several streams on one connection
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/h2/" + i))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(200, response.statusCode());
        assertEquals("hello", response.body());
      }
    }
  }

  @Test
  void concurrentStreamsWithLargeBodiesShareOneConnection() throws Exception {
    byte[] body = new byte[256 * 1024]; // above the default 64 KiB flow-control window
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .sslContext(TlsClients.context(CA, null))
            .build()) {
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls =
          new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/up/" + i))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      for (var call : calls) {
        HttpResponse<String> response = call.get();
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(String.valueOf(body.length), response.body());
      }
    }
  }

  @Test
  void anHttp11ClientStillGetsHttp11() throws Exception {
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TlsClients.context(CA, null))
            .build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(HttpClient.Version.HTTP_1_1, response.version());
      assertEquals("hello", response.body());
    }
  }
}
