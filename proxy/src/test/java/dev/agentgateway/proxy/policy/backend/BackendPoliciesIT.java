package dev.agentgateway.proxy.policy.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.proxy.testing.FullBacklog;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A route's backend policies through the real proxy: auth, health, TCP and HTTP settings. */
class BackendPoliciesIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Backend.Service CART = new Backend.Service("shop", "cart", 80);

  private static HttpResponse<String> get(ProxyFixture proxy, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.url(path)));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(
        b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Route toHost(RoutePolicies policies, int port) {
    return ProxyFixture.route("r", "/", policies, ProxyFixture.local(port));
  }

  private static Route toCart(RoutePolicies policies) {
    return TestConfigs.route(
        "cart", TestConfigs.prefix("/"), policies, List.of(new RouteBackend(CART, 1)), 0);
  }

  private static ServiceEndpoints cartAt(int... ports) {
    return new ServiceEndpoints(
        "shop",
        "cart",
        80,
        Arrays.stream(ports).mapToObj(p -> new ServiceEndpoints.Endpoint("127.0.0.1", p)).toList());
  }

  private static Upstream answering(Status status, String body) {
    return Upstream.start(r -> r.any((req, res) -> res.status(status).send(body)));
  }

  @Test
  void aKeyReplacesTheClientsAuthorizationHeader() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder().backendAuth(new BackendAuth.Key(new Secret("sk-upstream"))).build();
    try (Upstream up = answering(Status.OK_200, "ok");
        ProxyFixture proxy = ProxyFixture.start(toHost(policies, up.port()))) {
      assertEquals(200, get(proxy, "/a", "Authorization", "Bearer client-token").statusCode());
      assertEquals("Bearer sk-upstream", up.last().header("authorization"));
    }
  }

  @Test
  void aKeyGoesToItsHeaderWithPrefixOrToAQueryParameter() throws Exception {
    try (Upstream up = answering(Status.OK_200, "ok");
        ProxyFixture proxy =
            ProxyFixture.start(
                ProxyFixture.route(
                    "h",
                    "/h",
                    RoutePolicies.builder()
                        .backendAuth(
                            new BackendAuth.Key(
                                new Secret("k1"),
                                new BackendAuth.Location.Header("x-api-key", "Key ")))
                        .build(),
                    ProxyFixture.local(up.port())),
                ProxyFixture.route(
                    "q",
                    "/q",
                    RoutePolicies.builder()
                        .backendAuth(
                            new BackendAuth.Key(
                                new Secret("k 2"), new BackendAuth.Location.QueryParameter("key")))
                        .build(),
                    ProxyFixture.local(up.port())))) {
      get(proxy, "/h");
      assertEquals("Key k1", up.last().header("x-api-key"));
      get(proxy, "/q?a=1");
      assertEquals("/q?a=1&key=k+2", up.last().target());
      get(proxy, "/q");
      assertEquals("/q?key=k+2", up.last().target());
    }
  }

  @Test
  void passthroughForwardsTheClientsCredential() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder().backendAuth(new BackendAuth.Passthrough()).build();
    try (Upstream up = answering(Status.OK_200, "ok");
        ProxyFixture proxy = ProxyFixture.start(toHost(policies, up.port()))) {
      get(proxy, "/", "Authorization", "Bearer client-token");
      assertEquals("Bearer client-token", up.last().header("authorization"));
    }
  }

  @Test
  void anUnhealthyEndpointIsEvictedAndTheOtherTakesTheTraffic() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .health(
                new HealthPolicy(
                    null, new HealthPolicy.Eviction(Duration.ofHours(1), null, null, null)))
            .build();
    try (Upstream bad = answering(Status.INTERNAL_SERVER_ERROR_500, "bad");
        Upstream good = answering(Status.OK_200, "good");
        ProxyFixture proxy =
            ProxyFixture.start(List.of(cartAt(bad.port(), good.port())), toCart(policies))) {
      for (int i = 0; i < 200 && bad.requests() == 0; i++) {
        get(proxy, "/");
      }
      assertEquals(1, bad.requests(), "one 500 from the bad endpoint");
      for (int i = 0; i < 30; i++) {
        assertEquals("good", get(proxy, "/").body());
      }
      assertEquals(1, bad.requests(), "evicted: no more traffic");
    }
  }

  @Test
  void whenEveryEndpointIsEvictedTheyStillServeAsAFallback() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .health(
                new HealthPolicy(
                    null, new HealthPolicy.Eviction(Duration.ofHours(1), null, null, null)))
            .build();
    try (Upstream bad = answering(Status.INTERNAL_SERVER_ERROR_500, "bad");
        ProxyFixture proxy = ProxyFixture.start(List.of(cartAt(bad.port())), toCart(policies))) {
      for (int i = 0; i < 5; i++) {
        assertEquals(500, get(proxy, "/").statusCode());
      }
      assertEquals(5, bad.requests());
    }
  }

  @Test
  void theUnhealthyConditionDecidesWhatCountsAndConnectionFailuresAlwaysCount() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .health(
                new HealthPolicy(
                    "response.code == 503",
                    new HealthPolicy.Eviction(Duration.ofHours(1), null, null, null)))
            .build();
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (Upstream fails = answering(Status.INTERNAL_SERVER_ERROR_500, "500 is fine here");
        Upstream good = answering(Status.OK_200, "good");
        ProxyFixture proxy =
            ProxyFixture.start(
                List.of(cartAt(fails.port(), good.port(), closedPort)), toCart(policies))) {
      int refused = 0;
      for (int i = 0; i < 60; i++) {
        if (get(proxy, "/").statusCode() == 502) {
          refused++;
        }
      }
      assertEquals(1, refused, "the closed port failed once, then was evicted");
      assertTrue(fails.requests() > 5, "500s do not match the condition: never evicted");
    }
  }

  @Test
  void http2VersionSpeaksHttp2ToTheBackend() throws Exception {
    try (Upstream up =
            Upstream.start(r -> r.any((req, res) -> res.send(req.prologue().protocolVersion())));
        ProxyFixture proxy =
            ProxyFixture.start(
                ProxyFixture.route(
                    "h2",
                    "/h2",
                    RoutePolicies.builder()
                        .backendHttp(new BackendHttpPolicy(BackendHttpPolicy.Version.HTTP2, null))
                        .build(),
                    ProxyFixture.local(up.port())),
                ProxyFixture.route("h1", "/h1", null, ProxyFixture.local(up.port())))) {
      assertEquals("2.0", get(proxy, "/h2").body());
      assertEquals("1.1", get(proxy, "/h1").body());
    }
  }

  @Test
  void requestTimeoutAnswers504WhenTheBackendIsSlow() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Upstream slow =
            Upstream.start(
                r ->
                    r.any(
                        (req, res) -> {
                          release.await(30, TimeUnit.SECONDS);
                          res.send("late");
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(
                toHost(
                    RoutePolicies.builder()
                        .backendHttp(new BackendHttpPolicy(null, Duration.ofMillis(200)))
                        .build(),
                    slow.port()))) {
      HttpResponse<String> response = get(proxy, "/");
      assertEquals(504, response.statusCode());
      assertEquals("upstream request timeout", response.body());
    } finally {
      release.countDown();
    }
  }

  @Test
  void connectTimeoutEndsAConnectionAttemptNobodyAnswers() throws Exception {
    try (FullBacklog backlog = new FullBacklog();
        ProxyFixture proxy =
            ProxyFixture.start(
                toHost(
                    RoutePolicies.builder()
                        .backendTcp(new BackendTcpPolicy(Duration.ofMillis(150), null))
                        .build(),
                    backlog.port()))) {
      HttpResponse<String> response = get(proxy, "/");
      assertEquals(502, response.statusCode());
      assertTrue(response.body().startsWith("upstream connect error"), response.body());
      assertTrue(proxy.nextLog().reason().startsWith("upstream connect error"));
    }
  }
}
