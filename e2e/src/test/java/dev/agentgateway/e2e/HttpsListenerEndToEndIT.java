package dev.agentgateway.e2e;

import static dev.agentgateway.e2e.E2e.WAIT;
import static dev.agentgateway.e2e.E2e.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.ProxyRuntime;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTPS Gateway listener whose certificate is a Secret, end to end: the controller on the mock
 * API server translates it, the real proxy gets the certificate over xDS and serves HTTPS (HTTP/2
 * by ALPN); a rotated Secret is served from the next handshake on, and a listener whose Secret is
 * missing reports it in status until the Secret appears.
 */
class HttpsListenerEndToEndIT {
  private static final TestPki.Issued CA = TestPki.ca("gateway CA");

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private ControlPlane plane;
  private KubernetesClient client;
  private ControllerRuntime controller;

  @BeforeEach
  void setUp() {
    plane = ControlPlane.start(false);
    cleanup.addFirst(plane);
    client = plane.client();
    controller = plane.controller();
  }

  @AfterEach
  void tearDown() {
    for (AutoCloseable c : cleanup) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  @Test
  void servesHttpsFromASecretAndFollowsItsRotation() throws Exception {
    WebServer upstream = E2e.upstreamSaying("secure");
    cleanup.addFirst(upstream::stop);
    service(upstream.port());
    TestPki.Issued first = CA.server("localhost", "localhost");
    int https = E2e.freePort();
    int late = E2e.freePort();
    client.resource(secret("cert", first)).create();
    client
        .resource(
            new GatewayBuilder()
                .withNewMetadata()
                .withNamespace("apps")
                .withName("gw")
                .endMetadata()
                .withNewSpec()
                .withGatewayClassName("agentgateway")
                .addNewListener()
                .withName("https")
                .withPort(https)
                .withProtocol("HTTPS")
                .withNewTls()
                .addNewCertificateRef()
                .withName("cert")
                .endCertificateRef()
                .endTls()
                .endListener()
                .addNewListener()
                .withName("late")
                .withPort(late)
                .withProtocol("HTTPS")
                .withNewTls()
                .addNewCertificateRef()
                .withName("late-cert")
                .endCertificateRef()
                .endTls()
                .endListener()
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new HTTPRouteBuilder()
                .withNewMetadata()
                .withNamespace("apps")
                .withName("echo")
                .endMetadata()
                .withNewSpec()
                .addNewParentRef()
                .withName("gw")
                .endParentRef()
                .addNewRule()
                .addNewBackendRef()
                .withName("echo")
                .withPort(80)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build())
        .create();
    ProxyRuntime proxy =
        E2e.xdsProxy(
            Map.of(
                "XDS_ADDRESS", "http://127.0.0.1:" + controller.xdsPort(),
                "NAMESPACE", "apps",
                "GATEWAY", "gw"));
    cleanup.addFirst(proxy);

    assertTrue(
        eventually(WAIT, () -> first.certificate().getSerialNumber().equals(served(https))),
        "the proxy serves the Secret's certificate");
    HttpResponse<String> response = get(https);
    assertEquals("secure", response.body());
    assertEquals(HttpClient.Version.HTTP_2, response.version(), "h2 negotiated by ALPN");
    assertTrue(
        eventually(WAIT, () -> resolvedRefs("https") != null && isTrue(resolvedRefs("https"))),
        "the HTTPS listener's references are resolved");
    assertTrue(
        eventually(
            WAIT,
            () ->
                resolvedRefs("late") != null
                    && "InvalidCertificateRef".equals(resolvedRefs("late").getReason())
                    && resolvedRefs("late").getMessage().contains("Secret apps/late-cert")),
        () -> "the missing Secret is named in status: " + resolvedRefs("late"));

    // Rotation: a new key and certificate in the same Secret, served without a restart.
    TestPki.Issued second = CA.server("localhost", "localhost");
    E2e.retryOnConflict(() -> client.resource(secret("cert", second)).update());
    assertTrue(
        eventually(WAIT, () -> second.certificate().getSerialNumber().equals(served(https))),
        "the rotated certificate is served from the next handshake on");
    assertEquals("secure", get(https).body());

    // The missing Secret appears: the second listener comes up.
    TestPki.Issued third = CA.server("localhost", "localhost");
    client.resource(secret("late-cert", third)).create();
    assertTrue(
        eventually(WAIT, () -> third.certificate().getSerialNumber().equals(served(late))),
        "the listener whose Secret appeared serves it");
    assertTrue(
        eventually(WAIT, () -> isTrue(resolvedRefs("late"))),
        () -> "its references resolve now: " + resolvedRefs("late"));
  }

  /** The serial of the certificate a fresh HTTPS connection to {@code port} gets, or null. */
  private static BigInteger served(int port) {
    try {
      HttpResponse<String> response = get(port);
      X509Certificate leaf =
          (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
      return response.statusCode() == 200 ? leaf.getSerialNumber() : null;
    } catch (IOException | GeneralSecurityException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A GET over a new client and SSL context, so no connection or TLS session is reused. */
  private static HttpResponse<String> get(int port)
      throws IOException, InterruptedException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", CA.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .sslContext(context)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private Condition resolvedRefs(String listener) {
    Gateway gw = client.resources(Gateway.class).inNamespace("apps").withName("gw").get();
    if (gw == null || gw.getStatus() == null || gw.getStatus().getListeners() == null) {
      return null;
    }
    for (ListenerStatus l : gw.getStatus().getListeners()) {
      if (listener.equals(l.getName())) {
        return l.getConditions().stream()
            .filter(c -> "ResolvedRefs".equals(c.getType()))
            .findFirst()
            .orElse(null);
      }
    }
    return null;
  }

  private static boolean isTrue(Condition c) {
    return c != null && "True".equals(c.getStatus());
  }

  private static Secret secret(String name, TestPki.Issued issued) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName(name)
        .endMetadata()
        .withType("kubernetes.io/tls")
        .withData(
            Map.of(
                "tls.crt", base64(issued.chainPem()),
                "tls.key", base64(issued.keyPem())))
        .build();
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private void service(int port) {
    plane.service("apps", "echo", "http", 80, port);
  }
}
