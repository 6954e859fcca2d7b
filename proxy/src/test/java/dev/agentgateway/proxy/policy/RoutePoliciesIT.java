package dev.agentgateway.proxy.policy;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each route policy, applied by a real proxy to real upstreams. */
class RoutePoliciesIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Upstream upstream;

  @BeforeAll
  static void startUpstream() {
    upstream =
        Upstream.start(
            r ->
                r.any(
                    (req, res) -> {
                      req.content().consume();
                      res.header("X-Upstream-Secret", "s");
                      res.send("from upstream");
                    }));
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static RoutePolicies policies(
      HeaderModifier request,
      HeaderModifier response,
      RequestRedirect redirect,
      UrlRewrite rewrite,
      RequestMirror mirror,
      DirectResponse direct) {
    return new RoutePolicies(request, response, redirect, rewrite, mirror, direct, null, null);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("X-Drop", "d")
            .header("X-Set", "old")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void headerModifiersChangeBothDirections() throws Exception {
    HeaderModifier request =
        new HeaderModifier(
            List.of(new HeaderValue("X-Added", "a")),
            List.of(new HeaderValue("X-Set", "new")),
            List.of("X-Drop"));
    HeaderModifier response =
        new HeaderModifier(
            List.of(new HeaderValue("X-Served-By", "agw")),
            List.of(),
            List.of("X-Upstream-Secret"));
    try (ProxyFixture proxy =
        ProxyFixture.start(
            route(
                "mod",
                "/",
                policies(request, response, null, null, null, null),
                local(upstream.port())))) {
      HttpResponse<String> reply = get(proxy.url("/m"));

      assertEquals(200, reply.statusCode());
      assertEquals("agw", reply.headers().firstValue("X-Served-By").orElseThrow());
      assertTrue(reply.headers().firstValue("X-Upstream-Secret").isEmpty());
      Upstream.Seen seen = upstream.last();
      assertEquals("a", seen.header("x-added"));
      assertEquals("new", seen.header("x-set"));
      assertNull(seen.header("x-drop"));
    }
  }

  @Test
  void redirectReplacesTheMatchedPrefixWithoutCallingUpstream() throws Exception {
    RequestRedirect redirect = new RequestRedirect(null, null, new PathRewrite.Prefix("/new"), 301);
    int before = upstream.requests();
    try (ProxyFixture proxy =
        ProxyFixture.start(
            route(
                "old",
                "/old",
                policies(null, null, redirect, null, null, null),
                local(upstream.port())))) {
      HttpResponse<String> reply = get(proxy.url("/old/page?q=1"));

      assertEquals(301, reply.statusCode());
      assertEquals(
          "http://127.0.0.1:" + proxy.port() + "/new/page?q=1",
          reply.headers().firstValue("Location").orElseThrow());
      assertEquals(before, upstream.requests());
      assertEquals(301, proxy.nextLog().status());
    }
  }

  @Test
  void redirectDefaultsTo302AndCanChangeTheScheme() throws Exception {
    RequestRedirect redirect = new RequestRedirect("https", null, null, null);
    try (ProxyFixture proxy =
        ProxyFixture.start(route("tls", "/", policies(null, null, redirect, null, null, null)))) {
      HttpResponse<String> reply = get(proxy.url("/secure"));

      assertEquals(302, reply.statusCode());
      assertEquals(
          "https://127.0.0.1/secure", reply.headers().firstValue("Location").orElseThrow());
    }
  }

  @Test
  void rewriteReplacesThePrefixAndKeepsTheRestAndTheQuery() throws Exception {
    UrlRewrite rewrite = new UrlRewrite(null, new PathRewrite.Prefix("/v2"));
    try (ProxyFixture proxy =
        ProxyFixture.start(
            route("api", "/api", TestConfigs.only(rewrite), local(upstream.port())))) {
      assertEquals(200, get(proxy.url("/api/items/7?x=1&y")).statusCode());
      assertEquals("/v2/items/7?x=1&y", upstream.last().target());
    }
  }

  @Test
  void mirrorSendsACopyWithTheBody() throws Exception {
    CompletableFuture<String> mirrored = new CompletableFuture<>();
    try (Upstream mirror =
            Upstream.start(
                r ->
                    r.post(
                        "/*",
                        (req, res) -> {
                          mirrored.complete(
                              req.prologue().uriPath().rawPath()
                                  + " "
                                  + req.content().as(String.class));
                          res.send("ignored");
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(
                route(
                    "mirrored",
                    "/",
                    policies(
                        null, null, null, null, new RequestMirror(local(mirror.port()), 1.0), null),
                    local(upstream.port())))) {
      HttpResponse<String> reply = ProxyFixture.post(CLIENT, proxy.url("/orders"), "order-1");

      assertEquals("from upstream", reply.body());
      assertEquals("/orders order-1", mirrored.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void directResponseAnswersWithoutUpstream() throws Exception {
    int before = upstream.requests();
    try (ProxyFixture proxy =
        ProxyFixture.start(
            route(
                "teapot",
                "/",
                policies(
                    null, null, null, null, null, new DirectResponse(418, "short and stout"))))) {
      HttpResponse<String> reply = get(proxy.url("/tea"));

      assertEquals(418, reply.statusCode());
      assertEquals("short and stout", reply.body());
      assertEquals(before, upstream.requests());
      assertEquals(418, proxy.nextLog().status());
    }
  }
}
