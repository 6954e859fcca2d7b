package dev.agentgateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.ServerSecurity;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.control.xds.tls.XdsTls;
import dev.agentgateway.control.xds.tls.XdsTlsSettings;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.xds.XdsClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real proxy subscribed over TLS to the real xDS server, whose certificate comes from the
 * Secret on a mock API server and is rotated every second.
 */
@EnableKubernetesMockClient(crud = true)
class XdsTlsEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final GatewayKey GATEWAY = new GatewayKey("ns", "gw");
  // Renewed at half of it: the served certificate changes about every second.
  private static final Duration LEAF_LIFETIME = Duration.ofSeconds(2);

  static KubernetesClient client;

  @TempDir Path dir;
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private XdsPublisher publisher;
  private XdsServer server;
  private int bindPort;
  private ProxyRuntime proxy;

  private void startController() {
    client.secrets().inNamespace("agw-system").withName(XdsTlsSettings.SECRET_NAME).delete();
    XdsTlsSettings settings =
        XdsTlsSettings.fromEnv(
                Map.of(
                    "AGW_XDS_MODE", "tls",
                    "POD_NAMESPACE", "agw-system",
                    "AGW_ADDITIONAL_XDS_TLS_HOSTS", "localhost"))
            .withLeafLifetime(LEAF_LIFETIME);
    XdsTls tls = XdsTls.start(settings, client);
    cleanup.addFirst(tls);
    publisher = new XdsPublisher(Duration.ZERO);
    cleanup.addFirst(publisher);
    server =
        XdsServer.start(
            XdsServer.Options.onPort(0),
            new ServerSecurity(tls.credentials(), List.of()),
            publisher,
            (gateway, message) -> {});
    cleanup.addFirst(server);
  }

  private void startProxy(Path rootCa) throws Exception {
    bindPort = E2e.freePort();
    proxy =
        E2e.xdsProxy(
            Map.of(
                "XDS_ADDRESS", "https://localhost:" + server.port(),
                "XDS_ROOT_CA", rootCa.toString(),
                "NAMESPACE", GATEWAY.namespace(),
                "GATEWAY", GATEWAY.name()));
    cleanup.addFirst(proxy);
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
    cleanup.clear();
  }

  /** The CA the controller stored, as the proxy's ConfigMap would carry it. */
  private Path storedCa() throws IOException {
    String b64 =
        client
            .secrets()
            .inNamespace("agw-system")
            .withName(XdsTlsSettings.SECRET_NAME)
            .get()
            .getData()
            .get("ca.crt");
    return Files.write(dir.resolve("ca.crt"), Base64.getDecoder().decode(b64));
  }

  @Test
  void servingCertificateRotatesUnderTheOpenStreamWithoutAReconnect() throws Exception {
    WebServer upstreamA = E2e.upstreamSaying("A");
    cleanup.add(upstreamA::stop);
    WebServer upstreamB = E2e.upstreamSaying("B");
    cleanup.add(upstreamB::stop);
    startController();
    Path ca = storedCa();
    startProxy(ca);
    XdsClient xds = proxy.xds();

    publish(oneRoute(upstreamA.port()));
    assertTrue(eventually(() -> "A".equals(body("/"))), "config arrived over TLS");
    assertEquals(1, xds.streamsOpened());
    // Every certificate the proxy's connection could have been set up with expires by then.
    X509Certificate first = servedCertificate(ca);
    BigInteger second = awaitServedOtherThan(ca, first.getSerialNumber());
    BigInteger third = awaitServedOtherThan(ca, second);
    assertNotEquals(first.getSerialNumber(), third);
    Instant expired = first.getNotAfter().toInstant().plusSeconds(1);
    assertTrue(eventually(() -> Instant.now().isAfter(expired)));

    publish(oneRoute(upstreamB.port()));
    assertTrue(
        eventually(() -> "B".equals(body("/"))), "a change after the rotations still arrives");
    assertEquals(1, xds.streamsOpened(), "the proxy never reconnected");
    assertEquals(1, server.metrics().connectedProxies());
  }

  @Test
  void proxyTrustingAnotherCaIsRefusedAtTheHandshake() throws Exception {
    startController();
    Path other =
        Files.copy(
            Path.of(XdsTlsEndToEndIT.class.getResource("/xds/other-ca.crt").toURI()),
            dir.resolve("other-ca.crt"));
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getMessage() != null && r.getMessage().contains("ended (UNAVAILABLE")) {
              failures.add(r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(XdsClient.class.getName());
    log.addHandler(capture);
    cleanup.add(() -> log.removeHandler(capture));
    startProxy(other);
    publish(oneRoute(E2e.freePort()));

    assertTrue(eventually(() -> !failures.isEmpty()), "the stream failed at the transport");
    String failure = failures.peek();
    assertTrue(failure.contains("certification path"), "says why: " + failure);
    assertFalse(proxy.xds().synced(), "nothing arrived");
    assertEquals(0, server.metrics().connectedProxies());
  }

  /** The serving certificate a fresh handshake gets, verified against {@code ca}. */
  private X509Certificate servedCertificate(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
      SSLParameters params = socket.getSSLParameters();
      params.setApplicationProtocols(new String[] {"h2"});
      params.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(params);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private BigInteger awaitServedOtherThan(Path ca, BigInteger serial) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      BigInteger now = servedCertificate(ca).getSerialNumber();
      if (!now.equals(serial)) {
        return now;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the serving certificate was not rotated");
  }

  private void publish(GatewayConfig config) {
    publisher.publish(GATEWAY, E2e.resources(config));
  }

  private GatewayConfig oneRoute(int upstreamPort) {
    return E2e.parse(
        """
        binds:
        - port: %d
          listeners:
          - name: l
            protocol: HTTP
            routes:
            - name: main
              matches:
              - path:
                  pathPrefix: /
              backends:
              - host: 127.0.0.1:%d
        """
            .formatted(bindPort, upstreamPort));
  }

  private String body(String path) {
    return E2e.body(bindPort, path);
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    return E2e.eventually(WAIT, condition);
  }
}
