package dev.agentgateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.auth.XdsAuthSettings;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.ServerSecurity;
import dev.agentgateway.control.xds.server.XdsMetrics;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.grpc.InsecureServerCredentials;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xDS authentication end to end: the real proxy sends its token file, the controller's real xDS
 * server reviews it through the fabric8 mock API server and admits only the Gateway's own
 * ServiceAccount.
 */
class XdsAuthEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final GatewayKey GATEWAY = new GatewayKey("ns", "gw");
  private static final String GW_TOKEN = "tok-gw-7f3a19";
  private static final String OTHER_TOKEN = "tok-other-91c2d4";
  private static final String FORGED_TOKEN = "tok-forged-55d0e8";

  /** What the mock API server knows: token to ServiceAccount username. */
  private static final Map<String, String> USERS =
      Map.of(
          GW_TOKEN, "system:serviceaccount:ns:gw",
          OTHER_TOKEN, "system:serviceaccount:ns:other");

  @TempDir Path dir;
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final List<TokenReview> reviews = new CopyOnWriteArrayList<>();
  private final List<String> logs = new CopyOnWriteArrayList<>();
  private final Handler logCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLoggerName() != null
              && record.getLoggerName().startsWith("dev.agentgateway")) {
            logs.add(record.getMessage() + (record.getThrown() == null ? "" : record.getThrown()));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private XdsPublisher publisher;
  private XdsMetrics metrics;
  private XdsServer server;
  private WebServer upstreamA;
  private WebServer upstreamB;
  private int bindPort;

  @BeforeEach
  void setUp() throws Exception {
    Logger.getLogger("").addHandler(logCapture);
    cleanup.add(() -> Logger.getLogger("").removeHandler(logCapture));
    try {
      KubernetesMockServer k8s = new KubernetesMockServer(false);
      k8s.init();
      cleanup.addFirst(k8s::destroy);
      k8s.expect()
          .post()
          .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
          .andReply(201, request -> review(request.getUtf8Body()))
          .always();
      KubernetesClient client = k8s.createClient();
      cleanup.addFirst(client);
      upstreamA = E2e.upstreamSaying("A");
      cleanup.addFirst(upstreamA::stop);
      upstreamB = E2e.upstreamSaying("B");
      cleanup.addFirst(upstreamB::stop);
      bindPort = E2e.freePort();
      publisher = new XdsPublisher(Duration.ZERO);
      cleanup.addFirst(publisher);
      publisher.publish(GATEWAY, E2e.resources(oneRoute(upstreamA.port())));
      metrics = new XdsMetrics();
      // The way the controller's main wires it: the switch (unset = on) gives the interceptors.
      server =
          XdsServer.start(
              XdsServer.Options.onPort(0),
              new ServerSecurity(
                  InsecureServerCredentials.create(),
                  XdsAuthSettings.fromEnv(Map.of()).interceptors(client, metrics)),
              metrics,
              publisher,
              (gateway, message) -> {});
      cleanup.addFirst(server);
    } catch (Exception | Error e) {
      tearDown();
      throw e;
    }
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
    for (String token : List.of(GW_TOKEN, OTHER_TOKEN, FORGED_TOKEN)) {
      for (String line : logs) {
        assertFalse(line.contains(token), "a token reached the log: " + line);
      }
    }
  }

  /** The mock API server's TokenReview: authenticated when the token is in {@link #USERS}. */
  private String review(String body) {
    TokenReview review = Serialization.unmarshal(body, TokenReview.class);
    reviews.add(review);
    String user = USERS.get(review.getSpec().getToken());
    review.setStatus(
        user == null
            ? new TokenReviewStatusBuilder()
                .withAuthenticated(false)
                .withError("invalid bearer token")
                .build()
            : new TokenReviewStatusBuilder()
                .withAuthenticated(true)
                .withAudiences(review.getSpec().getAudiences())
                .withNewUser()
                .withUsername(user)
                .endUser()
                .build());
    return Serialization.asJson(review);
  }

  @Test
  void theGatewaysOwnServiceAccountIsAccepted() throws Exception {
    ProxyRuntime proxy = proxyWithToken(GW_TOKEN);
    assertTrue(E2e.eventually(WAIT, proxy::ready), "synced with its own ServiceAccount's token");
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body("/"))), "traffic flows");
    assertTrue(metrics.authSuccessesTotal() >= 1);
    assertEquals(List.of("agentgateway"), reviews.getFirst().getSpec().getAudiences());
  }

  @Test
  void anotherGatewaysServiceAccountIsRefused() throws Exception {
    ProxyRuntime healthy = proxyWithToken(GW_TOKEN);
    assertTrue(E2e.eventually(WAIT, healthy::ready));

    ProxyRuntime refused = proxyWithToken(OTHER_TOKEN);
    assertTrue(
        E2e.eventually(
            WAIT,
            () ->
                logged(
                    "PERMISSION_DENIED: requested gateway ns/gw but authenticated as"
                        + " ServiceAccount ns/other")),
        "the proxy heard why: " + logs);
    assertFalse(refused.ready(), "a refused proxy holds no configuration");
    assertHealthyProxyStillServed();
  }

  @Test
  void aProxyWithoutATokenIsUnauthenticated() throws Exception {
    ProxyRuntime healthy = proxyWithToken(GW_TOKEN);
    assertTrue(E2e.eventually(WAIT, healthy::ready));

    // No XDS_AUTH_TOKEN and no file at the default path: the proxy sends no token.
    ProxyRuntime refused = proxy(Map.of());
    assertTrue(
        E2e.eventually(
            WAIT, () -> logged("UNAUTHENTICATED: missing authorization: Bearer <token>")),
        "the proxy heard why: " + logs);
    assertFalse(refused.ready());
    assertHealthyProxyStillServed();
  }

  @Test
  void aTokenTheApiServerRejectsIsUnauthenticated() throws Exception {
    ProxyRuntime healthy = proxyWithToken(GW_TOKEN);
    assertTrue(E2e.eventually(WAIT, healthy::ready));

    ProxyRuntime refused = proxyWithToken(FORGED_TOKEN);
    assertTrue(
        E2e.eventually(
            WAIT, () -> logged("UNAUTHENTICATED: token not authenticated: invalid bearer token")),
        "the proxy heard why: " + logs);
    assertFalse(refused.ready());
    assertTrue(metrics.authFailuresTotal() >= 1);
    assertHealthyProxyStillServed();
  }

  @Test
  void aRotatedTokenFileIsSentOnTheNextStream() throws Exception {
    Path token = Files.writeString(dir.resolve("xds-token"), OTHER_TOKEN);
    ProxyRuntime proxy = proxy(Map.of("XDS_AUTH_TOKEN", token.toString()));
    assertTrue(E2e.eventually(WAIT, () -> logged("PERMISSION_DENIED")), "refused first: " + logs);
    assertFalse(proxy.ready());

    // The kubelet's way: write the new token aside, then swap it in.
    Path next = Files.writeString(dir.resolve("xds-token.next"), GW_TOKEN);
    Files.move(
        next,
        token,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertTrue(E2e.eventually(WAIT, proxy::ready), "the retry carried the new token");
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body("/"))));
    assertEquals(GW_TOKEN, reviews.getLast().getSpec().getToken());
  }

  private void assertHealthyProxyStillServed() throws InterruptedException {
    publisher.publish(GATEWAY, E2e.resources(oneRoute(upstreamB.port())));
    assertTrue(
        E2e.eventually(WAIT, () -> "B".equals(body("/"))), "the healthy proxy still updates");
  }

  private boolean logged(String text) {
    return logs.stream().anyMatch(line -> line.contains(text));
  }

  private ProxyRuntime proxyWithToken(String token) throws Exception {
    Path file = Files.createTempFile(dir, "xds-token", "");
    Files.writeString(file, token + "\n");
    return proxy(Map.of("XDS_AUTH_TOKEN", file.toString()));
  }

  private ProxyRuntime proxy(Map<String, String> extraEnv) throws Exception {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("XDS_ADDRESS", "http://127.0.0.1:" + server.port());
    env.put("NAMESPACE", GATEWAY.namespace());
    env.put("GATEWAY", GATEWAY.name());
    ProxyRuntime proxy = E2e.xdsProxy(env);
    cleanup.addFirst(proxy);
    return proxy;
  }

  private GatewayConfig oneRoute(int upstreamPort) {
    return E2e.parse(
        """
        binds:
        - port: %d
          listeners:
          - name: main
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
}
