package dev.agentgateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.events.EventRecorder;
import dev.agentgateway.control.events.NackEvents;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.NackListener;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.proxy.ProxyRuntime;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.helidon.webserver.WebServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's real xDS server and publisher driving a real proxy (xDS client, listeners, data
 * path) to real upstreams, all on loopback in this JVM.
 */
class XdsEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration CHANGE_DEADLINE = Duration.ofSeconds(10);
  private static final GatewayKey GATEWAY = new GatewayKey("ns", "gw");
  private static final int CHANGES = 100;

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final Queue<String> nacks = new ConcurrentLinkedQueue<>();
  private XdsPublisher publisher;
  private XdsServer server;
  private WebServer upstreamA;
  private WebServer upstreamB;
  private int bindPort;
  private ProxyRuntime proxy;

  @BeforeEach
  void setUp() throws Exception {
    try {
      upstreamA = E2e.upstreamSaying("A");
      cleanup.addFirst(upstreamA::stop);
      upstreamB = E2e.upstreamSaying("B");
      cleanup.addFirst(upstreamB::stop);
      publisher = new XdsPublisher(Duration.ZERO);
      cleanup.addFirst(publisher);
      server = startServer(0);
      bindPort = E2e.freePort();
      Map<String, String> env =
          Map.of(
              "XDS_ADDRESS", "http://127.0.0.1:" + server.port(),
              "NAMESPACE", GATEWAY.namespace(),
              "GATEWAY", GATEWAY.name());
      proxy = E2e.xdsProxy(env);
      cleanup.addFirst(proxy);
    } catch (Exception | Error e) {
      tearDown();
      throw e;
    }
  }

  @AfterEach
  void tearDown() {
    // The server may have been replaced by a restarted one: stop whichever is current.
    if (server != null) {
      server.stop();
      server = null;
    }
    for (AutoCloseable c : cleanup) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    cleanup.clear();
  }

  @Test
  void publishedRoutesServeTrafficAndEveryChangeArrives() throws Exception {
    assertFalse(proxy.ready(), "not ready before the controller has sent anything");
    publish(GATEWAY, oneRoute(upstreamA.port()));
    assertTrue(E2e.eventually(WAIT, proxy::ready), "ready after the first push");
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body("/"))), "traffic reaches A");
    assertTrue(server.metrics().connectedProxies() >= 1);

    publish(GATEWAY, oneRoute(upstreamB.port()));
    assertTrue(E2e.eventually(WAIT, () -> "B".equals(body("/"))), "traffic reaches B");

    long[] nanos = new long[CHANGES];
    for (int i = 0; i < CHANGES; i++) {
      boolean toA = i % 2 == 0;
      String expected = toA ? "A" : "B";
      int upstreamPort = toA ? upstreamA.port() : upstreamB.port();
      long start = System.nanoTime();
      publish(GATEWAY, oneRoute(upstreamPort));
      nanos[i] = timeUntil(expected, start);
      assertTrue(nanos[i] >= 0, "change " + i + " to " + expected + " arrived within 10 s");
    }
    Arrays.sort(nanos);
    System.out.printf(
        "xDS publish -> first request seeing the change, %d changes: p50 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms%n",
        CHANGES,
        nanos[CHANGES / 2] / 1e6,
        nanos[(int) Math.ceil(CHANGES * 0.99) - 1] / 1e6,
        nanos[CHANGES - 1] / 1e6);
    // Splits the figure: how much of it passes before the controller has sent the push.
    System.out.printf(
        "xDS publish -> push sent (controller side): mean %.2f ms, max %.2f ms over %d pushes%n",
        server.metrics().pushLatencySumNanos()
            / 1e6
            / Math.max(1, server.metrics().pushLatencyCount()),
        server.metrics().pushLatencyMaxNanos() / 1e6,
        server.metrics().pushLatencyCount());
  }

  @Test
  void anotherGatewaysConfigDoesNotReachThisProxy() throws Exception {
    publish(GATEWAY, oneRoute(upstreamB.port()));
    assertTrue(E2e.eventually(WAIT, () -> "B".equals(body("/"))));
    long pushes = server.metrics().pushesTotal();

    publish(new GatewayKey("ns", "other"), oneRoute(upstreamA.port()));
    // A later change of our own Gateway orders the check: once it is visible, an "other" push
    // would have been sent before it.
    publish(GATEWAY, withMarker(upstreamB.port(), upstreamA.port()));
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body("/marker"))), "own change arrived");

    assertEquals("B", body("/"), "the other Gateway's route did not replace ours");
    assertEquals(pushes + 1, server.metrics().pushesTotal(), "only our own change was pushed");
  }

  @Test
  void bindOnABusyPortIsNackedAndReportedToTheController() throws Exception {
    publish(GATEWAY, oneRoute(upstreamA.port()));
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body("/"))));

    try (ServerSocket busy = new ServerSocket(0)) {
      // IR validation rejects a bad regex before it becomes a proto, so the one invalid resource
      // the publisher can carry is one the proxy cannot apply: a bind on a port already taken.
      publish(GATEWAY, twoBinds(upstreamB.port(), busy.getLocalPort()));
      assertTrue(E2e.eventually(WAIT, () -> !nacks.isEmpty()), "the controller heard a NACK");
      assertTrue(server.metrics().rejectsTotal() >= 1);
      String nack = nacks.peek();
      assertTrue(nack.startsWith(GATEWAY + ": "), nack);
      assertTrue(nack.contains(String.valueOf(busy.getLocalPort())), nack);
      assertEquals("A", body("/"), "the last good config keeps serving");
      assertTrue(proxy.ready());
    }
  }

  @Test
  void aBadRegexIsNackedByKeyTheRestAppliesAndTheGatewayGetsAWarningEvent() throws Exception {
    KubernetesMockServer kubernetes =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    kubernetes.init();
    cleanup.addFirst(kubernetes::destroy);
    KubernetesClient client = kubernetes.createClient();
    cleanup.addFirst(client);
    EventRecorder recorder = new EventRecorder(client, "agentgateway.dev/agentgateway");
    cleanup.addFirst(recorder);
    NackListener events = new NackEvents(client, recorder);
    int port = server.port();
    server.stop();
    server = startServer(port, events);
    assertTrue(E2e.eventually(WAIT, () -> server.metrics().connectedProxies() == 1), "reconnected");

    GatewayConfig good = withMarker(upstreamA.port(), upstreamB.port());
    Route marker = good.routes().get(1);
    // The controller validates regexes too; a proxy still guards against any config it cannot
    // compile (a newer controller, a bug), which is what this resource stands for.
    Route badRegex =
        new Route(
            "bad-regex",
            marker.listenerKey(),
            "bad",
            "",
            "",
            List.of(),
            List.of(new RouteMatch(new PathMatch.Regex("/(unclosed"), null, List.of(), List.of())),
            null,
            marker.backends(),
            5);
    List<Object> resources = E2e.resources(good);
    resources.add(badRegex);
    publisher.publish(GATEWAY, resources);

    assertTrue(E2e.eventually(WAIT, () -> "B".equals(body("/marker"))), "valid routes applied");
    assertEquals("A", body("/"));
    assertTrue(E2e.eventually(WAIT, () -> server.metrics().rejectsTotal() == 1), "NACK counted");
    assertTrue(
        E2e.eventually(
            WAIT,
            () ->
                !client.v1().events().inNamespace(GATEWAY.namespace()).list().getItems().isEmpty()),
        "a Warning Event was recorded");
    Event event = client.v1().events().inNamespace(GATEWAY.namespace()).list().getItems().get(0);
    assertEquals("Warning", event.getType());
    assertEquals("AgentGatewayNackError", event.getReason());
    assertEquals("Gateway", event.getInvolvedObject().getKind());
    assertEquals(GATEWAY.name(), event.getInvolvedObject().getName());
    String message = event.getMessage();
    String badKey = dev.agentgateway.model.xds.XdsResources.name(badRegex);
    assertTrue(message.contains("\"key\":\"" + badKey + "\""), message);
    assertTrue(message.contains("regex"), message);
    assertFalse(message.contains("\"key\":\"*\""), "only the bad route was refused: " + message);
    assertTrue(proxy.ready());
  }

  @Test
  void keepsServingWithoutTheServerAndReconnectsToARestartedOne() throws Exception {
    publish(GATEWAY, oneRoute(upstreamB.port()));
    assertTrue(E2e.eventually(WAIT, () -> "B".equals(body("/"))));
    assertTrue(E2e.eventually(WAIT, () -> server.metrics().connectedProxies() == 1));

    int port = server.port();
    server.stop();
    server = null;
    assertEquals("B", body("/"), "the last config serves while the controller is away");
    assertTrue(proxy.ready());

    server = startServer(port);
    assertTrue(
        E2e.eventually(WAIT, () -> server.metrics().connectedProxies() == 1),
        "the proxy reconnected to the restarted server");
    assertEquals("B", body("/"));
    publish(GATEWAY, oneRoute(upstreamA.port()));
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body("/"))), "changes flow again");
  }

  private XdsServer startServer(int port) {
    return startServer(port, (gateway, message) -> nacks.add(gateway + ": " + message));
  }

  private XdsServer startServer(int port, NackListener listener) {
    return XdsServer.start(XdsServer.Options.onPort(port), publisher, listener);
  }

  /** Publishes the binds, listeners and routes of {@code config} for {@code gateway}. */
  private void publish(GatewayKey gateway, GatewayConfig config) {
    publisher.publish(gateway, E2e.resources(config));
  }

  /**
   * Nanoseconds from {@code start} to the first response with {@code expected}, polling every
   * millisecond; -1 after {@link #CHANGE_DEADLINE}.
   */
  private long timeUntil(String expected, long start) throws InterruptedException {
    long deadline = start + CHANGE_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (expected.equals(body("/"))) {
        return System.nanoTime() - start;
      }
      Thread.sleep(1);
    }
    return -1;
  }

  private GatewayConfig oneRoute(int upstreamPort) {
    return config(bind(bindPort, route("main", "/", upstreamPort)));
  }

  private GatewayConfig withMarker(int mainPort, int markerPort) {
    return config(
        bind(bindPort, route("main", "/", mainPort), route("marker", "/marker", markerPort)));
  }

  private GatewayConfig twoBinds(int upstreamPort, int busyPort) {
    return config(
        bind(bindPort, route("main", "/", upstreamPort)),
        bind(busyPort, route("second", "/", upstreamPort)));
  }

  private static GatewayConfig config(String... binds) {
    return E2e.parse("binds:\n" + String.join("", binds));
  }

  /** One bind with one HTTP listener (named after the port) holding {@code routes}. */
  private static String bind(int port, String... routes) {
    return """
        - port: %d
          listeners:
          - name: l%d
            protocol: HTTP
            routes:
        """
            .formatted(port, port)
        + String.join("", routes);
  }

  /** A route, indented for {@link #bind}, sending {@code prefix} to a loopback upstream. */
  private static String route(String name, String prefix, int upstreamPort) {
    return """
            - name: %s
              matches:
              - path:
                  pathPrefix: %s
              backends:
              - host: 127.0.0.1:%d
        """
        .formatted(name, prefix, upstreamPort);
  }

  private String body(String path) {
    return E2e.body(bindPort, path);
  }
}
