package dev.agentgateway.proxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * backendTLS through the proxy to a TLS upstream: the CA and the name are verified, a wrong CA or
 * name is a 502 whose reason says why, insecure skips checks, and the client certificate is shown.
 */
@Timeout(60)
class BackendTlsIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final TestPki.Issued CA = TestPki.ca("upstream CA");
  private static final TestPki.Issued OTHER_CA = TestPki.ca("other CA");
  private static final TestPki.Issued SERVER = CA.server("upstream", "upstream.internal");
  private static final TestPki.Issued GATEWAY = CA.client("gateway");
  private static WebServer upstream;
  private static ProxyFixture proxy;

  private static BackendTlsPolicy tls(
      TestPki.Issued root, String hostname, boolean insecure, List<String> sans, boolean mtls) {
    return new BackendTlsPolicy(
        mtls ? GATEWAY.chainPem() : null,
        mtls ? new Secret(GATEWAY.keyPem()) : null,
        root == null ? null : root.certPem(),
        hostname,
        insecure,
        false,
        List.of(),
        sans);
  }

  private static RoutePolicies policies(BackendTlsPolicy tls) {
    return RoutePolicies.builder().backendTls(tls).build();
  }

  @BeforeAll
  static void start() {
    upstream =
        WebServer.builder()
            .port(0)
            .tls(
                Tls.builder()
                    .privateKey(SERVER.key())
                    .privateKeyCertChain(List.of(SERVER.certificate(), CA.certificate()))
                    .trust(List.of(CA.certificate()))
                    .clientAuth(TlsClientAuth.OPTIONAL)
                    .build())
            .routing(
                r ->
                    r.any(
                        (req, res) ->
                            res.send(
                                req.remotePeer()
                                    .tlsCertificates()
                                    .map(
                                        c ->
                                            "client "
                                                + ((X509Certificate) c[0])
                                                    .getSubjectX500Principal()
                                                    .getName())
                                    .orElse("anonymous"))))
            .build()
            .start();
    var backend = ProxyFixture.local(upstream.port());
    proxy =
        ProxyFixture.start(
            ProxyFixture.route(
                "verified",
                "/verified",
                policies(tls(CA, "upstream.internal", false, List.of(), false)),
                backend),
            ProxyFixture.route(
                "wrong-ca",
                "/wrong-ca",
                policies(tls(OTHER_CA, "upstream.internal", false, List.of(), false)),
                backend),
            ProxyFixture.route(
                "wrong-name",
                "/wrong-name",
                policies(tls(CA, "elsewhere.internal", false, List.of(), false)),
                backend),
            ProxyFixture.route(
                "san",
                "/san",
                policies(tls(CA, "elsewhere.internal", false, List.of("upstream.internal"), false)),
                backend),
            ProxyFixture.route(
                "insecure",
                "/insecure",
                policies(tls(OTHER_CA, null, true, List.of(), false)),
                backend),
            ProxyFixture.route(
                "mtls",
                "/mtls",
                policies(tls(CA, "upstream.internal", false, List.of(), true)),
                backend));
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

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(proxy.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void verifiesTheCaAndTheName() throws Exception {
    HttpResponse<String> res = get("/verified");
    assertEquals(200, res.statusCode());
    assertEquals("anonymous", res.body());
  }

  @Test
  void aWrongCaIsABadGatewayThatSaysWhy() throws Exception {
    assertEquals(502, get("/wrong-ca").statusCode());
    RequestLog log = lastLog("/wrong-ca");
    assertTrue(log.reason().contains("TLS handshake with upstream.internal"), log.reason());
  }

  @Test
  void aNameTheCertificateLacksIsRefusedUnlessListedAsASubjectAltName() throws Exception {
    assertEquals(502, get("/wrong-name").statusCode());
    RequestLog log = lastLog("/wrong-name");
    assertTrue(log.reason().contains("do not match"), log.reason());
    assertEquals(200, get("/san").statusCode());
  }

  @Test
  void insecureSkipsVerification() throws Exception {
    assertEquals(200, get("/insecure").statusCode());
  }

  @Test
  void presentsTheClientCertificate() throws Exception {
    HttpResponse<String> res = get("/mtls");
    assertEquals(200, res.statusCode());
    assertEquals("client CN=gateway", res.body());
  }

  private static RequestLog lastLog(String path) throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      RequestLog log = proxy.nextLog();
      if (log != null && path.equals(log.path())) {
        return log;
      }
    }
    throw new AssertionError("no access log for " + path);
  }
}
