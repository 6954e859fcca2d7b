package dev.agentgateway.proxy.tls;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS listeners through the real runtime: certificates chosen by SNI, ALPN, client certificates
 * required under mTLS, version limits and the handshake timeout.
 */
@Timeout(60)
class ListenerTlsIT {
  private static final TestPki.Issued CA = TestPki.ca("listener CA");
  private static final TestPki.Issued A = CA.server("a.example", "a.example");
  private static final TestPki.Issued B = CA.server("b.example", "b.example");
  private static final TestPki.Issued CLIENT_CA = TestPki.ca("client CA");
  private static final TestPki.Issued CLIENT = CLIENT_CA.client("alice");
  private static final TestPki.Issued STRANGER = TestPki.ca("other CA").client("mallory");

  @TempDir static Path dir;
  private static WebServer upstream;
  private static ProxyRuntime proxy;
  private static int open;
  private static int mtls;
  private static int modern;

  @BeforeAll
  static void start() throws Exception {
    upstream = ShellTesting.upstreamSaying("hello");
    write("a.crt", A.chainPem());
    write("a.key", A.keyPem());
    write("b.crt", B.chainPem());
    write("b.key", B.traditionalKeyPem());
    write("client-ca.crt", CLIENT_CA.certPem());
    open = freePort();
    mtls = freePort();
    modern = freePort();
    String yaml =
        LOOPBACK_ADMIN
            + """
            frontendPolicies:
              tls: {handshakeTimeout: 300ms}
            binds:
            - port: %1$d
              listeners:
              - name: a
                hostname: a.example
                protocol: HTTPS
                tls: {cert: %4$s/a.crt, key: %4$s/a.key}
                routes: [{name: a, backends: [{host: "127.0.0.1:%2$d"}]}]
              - name: b
                hostname: b.example
                protocol: HTTPS
                tls: {cert: %4$s/b.crt, key: %4$s/b.key}
                routes: [{name: b, backends: [{host: "127.0.0.1:%2$d"}]}]
            - port: %3$d
              listeners:
              - protocol: HTTPS
                tls: {cert: %4$s/a.crt, key: %4$s/a.key, root: %4$s/client-ca.crt}
                routes: [{backends: [{host: "127.0.0.1:%2$d"}]}]
            - port: %5$d
              listeners:
              - protocol: HTTPS
                tls: {cert: %4$s/a.crt, key: %4$s/a.key, minTLSVersion: TLS_V1_3}
                routes: [{backends: [{host: "127.0.0.1:%2$d"}]}]
            """
                .formatted(open, upstream.port(), mtls, dir, modern);
    proxy = ShellTesting.start(parse(yaml), null);
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
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

  private static String servedName(SSLSocket socket) throws Exception {
    X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
    return leaf.getSubjectX500Principal().getName();
  }

  @Test
  void servesHttpsAndNegotiatesHttp11ByAlpn() throws Exception {
    SSLContext client = TlsClients.context(CA, null);
    try (SSLSocket alpn =
        TlsClients.connect(client, open, "a.example", null, List.of("http/1.1"))) {
      assertEquals("http/1.1", alpn.getApplicationProtocol());
      assertEquals("HTTP/1.1 200 OK", TlsClients.get(alpn, "a.example", "/"));
    }
    try (SSLSocket http1 = TlsClients.connect(client, open, "a.example", null, null)) {
      assertEquals("HTTP/1.1 200 OK", TlsClients.get(http1, "a.example", "/"));
    }
  }

  @Test
  void sniPicksTheCertificateOfTheListenerItNames() throws Exception {
    // A context each: one context would resume the first session for the second name.
    try (SSLSocket a =
            TlsClients.connect(TlsClients.context(CA, null), open, "a.example", null, null);
        SSLSocket b =
            TlsClients.connect(TlsClients.context(CA, null), open, "b.example", null, null)) {
      assertEquals("CN=a.example", servedName(a));
      assertEquals("CN=b.example", servedName(b));
      assertEquals("HTTP/1.1 200 OK", TlsClients.get(b, "b.example", "/"));
    }
  }

  @Test
  void mtlsServesAClientWithACertificateFromTheClientCa() throws Exception {
    try (SSLSocket s =
        TlsClients.connect(TlsClients.context(CA, CLIENT), mtls, "a.example", null, null)) {
      assertEquals("HTTP/1.1 200 OK", TlsClients.get(s, "a.example", "/"));
    }
  }

  @Test
  void mtlsRefusesAClientWithoutACertificate() {
    assertThrows(IOException.class, () -> request(TlsClients.context(CA, null), mtls, null));
  }

  @Test
  void mtlsRefusesACertificateFromAnotherCa() {
    assertThrows(IOException.class, () -> request(TlsClients.context(CA, STRANGER), mtls, null));
  }

  @Test
  void aTls12ClientIsRefusedWhenTheMinimumIs13() throws Exception {
    assertThrows(
        IOException.class, () -> request(TlsClients.context(CA, null), modern, List.of("TLSv1.2")));
    assertEquals(
        "HTTP/1.1 200 OK", request(TlsClients.context(CA, null), modern, List.of("TLSv1.3")));
  }

  @Test
  void aClientThatNeverHandshakesIsDisconnected() throws Exception {
    try (Socket idle = new Socket("127.0.0.1", open)) {
      idle.setSoTimeout(10_000);
      // The server closes the connection after the handshake timeout: end of stream, not our
      // own read timeout.
      assertEquals(-1, idle.getInputStream().read());
    }
  }

  /** Handshakes (TLS 1.3 reports a refused client certificate on the first read) and GETs. */
  private static String request(SSLContext context, int port, List<String> versions)
      throws IOException {
    try (SSLSocket s = TlsClients.connect(context, port, "a.example", versions, null)) {
      String status = TlsClients.get(s, "a.example", "/");
      if (status.isEmpty()) {
        throw new IOException("connection closed without a response");
      }
      return status;
    }
  }

  @Test
  void theServedCertificateChainsToTheCa() throws Exception {
    try (SSLSocket s =
        TlsClients.connect(TlsClients.context(CA, null), open, "a.example", null, null)) {
      assertTrue(s.getSession().getPeerCertificates().length >= 1);
    }
  }
}
