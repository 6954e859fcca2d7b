package dev.agentgateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.NackListener;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.proxy.ProxyRuntime;
import io.helidon.webserver.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private XdsPublisher publisher;
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
      XdsServer server = XdsServer.start(XdsServer.Options.onPort(0), publisher, NackListener.NONE);
      cleanup.addFirst(server::stop);
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
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body()) || "B".equals(body())), "served");
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
        E2e.eventually(
            WAIT, () -> !before.get(endpointsName).equals(endpointsVersion(endpointsName))),
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
        E2e.eventually(WAIT, () -> "no ready endpoints for service shop/cart:80".equals(body())),
        "503 reason names the service");

    publish(route, cartAt(upstreamA));
    assertTrue(E2e.eventually(WAIT, () -> "A".equals(body())), "endpoints arrived");
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

  private String body() {
    return E2e.body(bindPort, "/");
  }
}
