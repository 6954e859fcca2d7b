package dev.agentgateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.NackListener;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.config.ConfigJson;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.server.BindCustomizer;
import dev.agentgateway.proxy.xds.XdsSettings;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller publishes a route to a Service backend plus the Service's endpoints; the proxy
 * balances across them and follows an endpoint change that leaves the route resource untouched.
 */
class ServiceEndpointsEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final GatewayKey GATEWAY = new GatewayKey("ns", "gw");
  private static final Backend.Service CART = new Backend.Service("shop", "cart", 80);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private XdsPublisher publisher;
  private WebServer upstreamA;
  private WebServer upstreamB;
  private int bindPort;
  private ProxyRuntime proxy;

  @BeforeEach
  void setUp() throws Exception {
    try {
      upstreamA = upstreamSaying("A");
      cleanup.addFirst(upstreamA::stop);
      upstreamB = upstreamSaying("B");
      cleanup.addFirst(upstreamB::stop);
      publisher = new XdsPublisher(Duration.ZERO);
      cleanup.addFirst(publisher);
      XdsServer server = XdsServer.start(XdsServer.Options.onPort(0), publisher, NackListener.NONE);
      cleanup.addFirst(server::stop);
      bindPort = freePort();
      Map<String, String> env =
          Map.of(
              "XDS_ADDRESS", "http://127.0.0.1:" + server.port(),
              "NAMESPACE", GATEWAY.namespace(),
              "GATEWAY", GATEWAY.name());
      LocalConfigLoader loader = new LocalConfigLoader(Map.of());
      proxy =
          ProxyRuntime.start(
              new ProxyRuntime.Settings(
                  loader.parse(
                      """
                      config:
                        adminAddr: 127.0.0.1:0
                        statsAddr: 127.0.0.1:0
                        readinessAddr: 127.0.0.1:0
                      """),
                  null,
                  loader::parse,
                  "test",
                  null,
                  BindCustomizer.NONE,
                  ConfigJson::render,
                  XdsSettings.fromEnv(env)));
      cleanup.addFirst(proxy);
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
  }

  @Test
  void trafficSpreadsOverEndpointsAndFollowsAScaleDownWithoutARoutePush() throws Exception {
    Route route = routeToCart();
    publish(route, cartAt(upstreamA, upstreamB));
    assertTrue(eventually(WAIT, () -> "A".equals(body()) || "B".equals(body())), "served");
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      seen.merge(body(), 1, Integer::sum);
    }
    assertTrue(seen.getOrDefault("A", 0) > 0 && seen.getOrDefault("B", 0) > 0, seen.toString());
    assertEquals(40, seen.get("A") + seen.get("B"), seen.toString());

    String routeName = XdsResources.name(route);
    String endpointsName = XdsResources.name(cartAt(upstreamA, upstreamB));
    Map<String, String> before = proxy.xds().versions();
    assertNotNull(before.get(routeName), before.toString());
    assertNotNull(before.get(endpointsName), before.toString());

    publish(route, cartAt(upstreamB));
    assertTrue(
        eventually(WAIT, () -> !before.get(endpointsName).equals(endpointsVersion(endpointsName))),
        "the endpoints change arrived");
    for (int i = 0; i < 20; i++) {
      assertEquals("B", body(), "request " + i + " after A left the endpoints");
    }
    Map<String, String> after = proxy.xds().versions();
    assertEquals(before.get(routeName), after.get(routeName), "the route was not re-sent");
    assertNotEquals(before.get(endpointsName), after.get(endpointsName));
    assertTrue(
        proxy.state().get().config().routes().contains(route), "the same route still serves");
  }

  @Test
  void aServiceWithoutEndpointsAnswers503UntilEndpointsArrive() throws Exception {
    Route route = routeToCart();
    publish(route, new ServiceEndpoints("shop", "cart", 80, List.of()));
    assertTrue(
        eventually(WAIT, () -> "no ready endpoints for service shop/cart:80".equals(body())),
        "503 reason names the service");

    publish(route, cartAt(upstreamA));
    assertTrue(eventually(WAIT, () -> "A".equals(body())), "endpoints arrived");
  }

  private String endpointsVersion(String name) {
    return proxy.xds().versions().get(name);
  }

  private void publish(Route route, ServiceEndpoints endpoints) {
    Bind bind = new Bind("bind/" + bindPort, bindPort);
    Listener listener = new Listener("ns/gw.http", bind.key(), "http", null, ListenerProtocol.HTTP);
    publisher.publish(GATEWAY, List.of(bind, listener, route, endpoints));
  }

  private static Route routeToCart() {
    return new Route(
        "ns/cart-route.0",
        "ns/gw.http",
        "cart-route",
        "ns",
        "",
        List.of(),
        List.of(),
        null,
        List.of(new RouteBackend(CART, 1)),
        0);
  }

  private static ServiceEndpoints cartAt(WebServer... upstreams) {
    List<ServiceEndpoints.Endpoint> endpoints = new ArrayList<>();
    for (WebServer upstream : upstreams) {
      endpoints.add(new ServiceEndpoints.Endpoint("127.0.0.1", upstream.port()));
    }
    return new ServiceEndpoints(CART.namespace(), CART.serviceName(), CART.port(), endpoints);
  }

  /** The body of a GET through the proxy, or the exception's class name when it fails. */
  private String body() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bindPort + "/"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static WebServer upstreamSaying(String body) {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .shutdownHook(false)
        .routing(r -> r.any((req, res) -> res.send(body)))
        .build()
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes. */
  private static boolean eventually(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
