package dev.agentgateway.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import io.helidon.http.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Service backend spreads requests over its ready endpoints and follows endpoint changes. */
class ServiceBackendIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Backend.Service CART = new Backend.Service("shop", "cart", 80);

  private static Route toCart(RoutePolicies policies) {
    return TestConfigs.route(
        "cart", TestConfigs.prefix("/"), policies, List.of(new RouteBackend(CART, 1)), 0);
  }

  private static ServiceEndpoints cartAt(Upstream... upstreams) {
    List<ServiceEndpoints.Endpoint> list =
        Arrays.stream(upstreams)
            .map(u -> new ServiceEndpoints.Endpoint("127.0.0.1", u.port()))
            .toList();
    return new ServiceEndpoints("shop", "cart", 80, list);
  }

  private static Upstream named(String name) {
    return Upstream.start(r -> r.any((req, res) -> res.send(name)));
  }

  private static HttpResponse<String> get(ProxyFixture proxy) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url("/items"))).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestsReachEveryEndpointThenFollowAScaleDown() throws Exception {
    try (Upstream a = named("a");
        Upstream b = named("b");
        ProxyFixture proxy = ProxyFixture.start(List.of(cartAt(a, b)), toCart(null))) {
      for (int i = 0; i < 40; i++) {
        HttpResponse<String> response = get(proxy);
        assertEquals(200, response.statusCode());
        assertEquals("shop/cart:80", proxy.nextLog().backend());
      }
      assertTrue(a.requests() > 0 && b.requests() > 0, a.requests() + " / " + b.requests());
      assertEquals(40, a.requests() + b.requests());
      assertEquals(
          "127.0.0.1:" + proxy.port(), a.last().header("host"), "the client's Host is kept");

      proxy.endpoints(List.of(cartAt(b)));
      int before = a.requests();
      for (int i = 0; i < 20; i++) {
        assertEquals("b", get(proxy).body());
      }
      assertEquals(before, a.requests(), "a left the endpoints and gets nothing more");
    }
  }

  @Test
  void serviceWithoutEndpointsAnswers503WithTheService() throws Exception {
    try (Upstream a = named("a");
        ProxyFixture proxy = ProxyFixture.start(List.of(), toCart(null))) {
      HttpResponse<String> missing = get(proxy);
      assertEquals(503, missing.statusCode());
      assertEquals("no ready endpoints for service shop/cart:80", missing.body());
      RequestLog log = proxy.nextLog();
      assertEquals("no ready endpoints for service shop/cart:80", log.reason());
      assertEquals("shop/cart:80", log.backend());

      proxy.endpoints(List.of(new ServiceEndpoints("shop", "cart", 80, List.of())));
      assertEquals(503, get(proxy).statusCode());

      proxy.endpoints(List.of(cartAt(a)));
      assertEquals("a", get(proxy).body());
    }
  }

  @Test
  void retryGoesToTheOtherEndpoint() throws Exception {
    try (Upstream busy =
            Upstream.start(
                r -> r.any((req, res) -> res.status(Status.SERVICE_UNAVAILABLE_503).send("busy")));
        Upstream ok = named("ok");
        ProxyFixture proxy =
            ProxyFixture.start(
                List.of(cartAt(busy, ok)),
                toCart(TestConfigs.only(new RetryPolicy(2, Duration.ofMillis(1), Set.of(503)))))) {
      for (int i = 0; i < 20; i++) {
        assertEquals("ok", get(proxy).body());
      }
      assertEquals(20, ok.requests());
      assertTrue(busy.requests() > 0, "some first tries went to the busy endpoint");
    }
  }

  @Test
  void autoAuthorityRewriteSendsTheServiceHostname() throws Exception {
    try (Upstream a = named("a");
        ProxyFixture proxy =
            ProxyFixture.start(
                List.of(cartAt(a)),
                toCart(TestConfigs.only(new UrlRewrite(new AuthorityRewrite.Auto(), null))))) {
      assertEquals("a", get(proxy).body());
      assertEquals("cart.shop.svc.cluster.local:80", a.last().header("host"));
    }
  }
}
