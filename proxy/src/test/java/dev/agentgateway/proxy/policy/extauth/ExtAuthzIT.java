package dev.agentgateway.proxy.policy.extauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.BoolValue;
import dev.agentgateway.model.envoy.auth.AttributeContext;
import dev.agentgateway.model.envoy.auth.CheckResponse;
import dev.agentgateway.model.envoy.auth.DeniedHttpResponse;
import dev.agentgateway.model.envoy.auth.OkHttpResponse;
import dev.agentgateway.model.envoy.type.HttpStatus;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.xds.envoy.HeaderValue;
import dev.agentgateway.model.xds.envoy.HeaderValueOption;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** extAuthz against a real gRPC Envoy Authorization server and a real HTTP auth server. */
class ExtAuthzIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  // The first call starts gRPC's transport; on a loaded 2-core machine that can take seconds.
  private static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofSeconds(20);

  private static ExtAuthzPolicy grpc(
      int port,
      List<String> headers,
      ExtAuthzPolicy.BodyOptions body,
      ExtAuthzPolicy.FailureMode failureMode,
      int failureStatus) {
    return new ExtAuthzPolicy(
        new Backend.Host("127.0.0.1", port),
        ExtAuthzPolicy.Protocol.GRPC,
        Map.of("tenant", "blue"),
        List.of(),
        headers,
        body,
        failureMode,
        failureStatus,
        SLOW_MACHINE);
  }

  private static ProxyFixture proxy(ExtAuthzPolicy policy, Upstream upstream) {
    return ProxyFixture.start(
        TestConfigs.route(
            "authz",
            TestConfigs.prefix("/"),
            RoutePolicies.builder().extAuthz(policy).build(),
            List.of(new RouteBackend(ProxyFixture.local(upstream.port()), 1)),
            0));
  }

  private static Upstream echo() {
    return Upstream.start(
        r ->
            r.any(
                (req, res) ->
                    res.send(
                        "up:"
                            + (req.content().hasEntity() ? req.content().as(String.class) : ""))));
  }

  private static HeaderValueOption option(String name, String value) {
    return HeaderValueOption.newBuilder()
        .setHeader(HeaderValue.newBuilder().setKey(name).setValue(value))
        .build();
  }

  private static HttpResponse<String> get(ProxyFixture proxy, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.url(path)));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(ProxyFixture proxy, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(proxy.url("/upload")))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void grpcOkForwardsWithTheServersHeaderChangesAndDescribesTheRequest() throws Exception {
    CheckResponse ok =
        CheckResponse.newBuilder()
            .setOkResponse(
                OkHttpResponse.newBuilder()
                    .addHeaders(option("x-user", "alice"))
                    .addHeaders(
                        option("x-tag", "b").toBuilder().setAppend(BoolValue.of(true)).build())
                    .addHeadersToRemove("authorization")
                    .addResponseHeadersToAdd(option("x-authz", "checked")))
            .build();
    try (Upstream upstream = echo();
        AuthorizationServer authz = AuthorizationServer.start(r -> ok);
        ProxyFixture proxy =
            proxy(grpc(authz.port(), null, null, ExtAuthzPolicy.FailureMode.DENY, 403), upstream)) {
      HttpResponse<String> res =
          get(proxy, "/items?q=1", "Authorization", "Bearer t", "x-user", "mallory", "x-tag", "a");

      assertEquals(200, res.statusCode(), res.body());
      assertEquals("checked", res.headers().firstValue("x-authz").orElse(""));
      assertEquals("alice", upstream.last().header("x-user"));
      assertEquals(List.of("a", "b"), upstream.last().headers().get("x-tag"));
      assertNull(upstream.last().header("authorization"), "the server removed the credential");
      AttributeContext.HttpRequest http =
          authz.seen().get(0).getAttributes().getRequest().getHttp();
      assertEquals("GET", http.getMethod());
      assertEquals("/items?q=1", http.getPath());
      assertEquals("HTTP/1.1", http.getProtocol());
      assertEquals("Bearer t", http.getHeadersMap().get("authorization"));
      assertEquals("/items?q=1", http.getHeadersMap().get(":path"));
      assertEquals(
          "blue", authz.seen().get(0).getAttributes().getContextExtensionsMap().get("tenant"));
      assertEquals(
          "127.0.0.1",
          authz
              .seen()
              .get(0)
              .getAttributes()
              .getSource()
              .getAddress()
              .getSocketAddress()
              .getAddress());
    }
  }

  @Test
  void grpcDenialReturnsTheServersStatusHeadersAndBodyAndNeverReachesTheUpstream()
      throws Exception {
    CheckResponse denied =
        CheckResponse.newBuilder()
            .setStatus(com.google.rpc.Status.newBuilder().setCode(7))
            .setDeniedResponse(
                DeniedHttpResponse.newBuilder()
                    .setStatus(HttpStatus.newBuilder().setCodeValue(401))
                    .addHeaders(option("www-authenticate", "Bearer realm=\"api\""))
                    .setBody("token expired"))
            .build();
    try (Upstream upstream = echo();
        AuthorizationServer authz = AuthorizationServer.start(r -> denied);
        ProxyFixture proxy =
            proxy(
                grpc(authz.port(), List.of("x-user"), null, ExtAuthzPolicy.FailureMode.DENY, 403),
                upstream)) {
      HttpResponse<String> res = get(proxy, "/x", "x-user", "bob", "x-other", "1");

      assertEquals(401, res.statusCode());
      assertEquals("token expired", res.body());
      assertEquals("Bearer realm=\"api\"", res.headers().firstValue("www-authenticate").orElse(""));
      assertEquals(0, upstream.requests());
      assertEquals(
          Map.of("x-user", "bob"),
          authz.seen().get(0).getAttributes().getRequest().getHttp().getHeadersMap(),
          "only the listed headers are sent");
      assertEquals("ext_authz denied", proxy.nextLog().reason());
    }
  }

  @Test
  void deniedWithoutAResponseBodyIsForbidden() throws Exception {
    CheckResponse denied =
        CheckResponse.newBuilder().setStatus(com.google.rpc.Status.newBuilder().setCode(7)).build();
    try (Upstream upstream = echo();
        AuthorizationServer authz = AuthorizationServer.start(r -> denied);
        ProxyFixture proxy =
            proxy(grpc(authz.port(), null, null, ExtAuthzPolicy.FailureMode.DENY, 403), upstream)) {
      assertEquals(403, get(proxy, "/x").statusCode());
      assertEquals(0, upstream.requests());
    }
  }

  @Test
  void aServerThatIsDownFollowsTheFailureMode() throws Exception {
    int closedPort = ShellTesting.freePort();
    try (Upstream upstream = echo();
        ProxyFixture denying =
            proxy(grpc(closedPort, null, null, ExtAuthzPolicy.FailureMode.DENY, 503), upstream)) {
      HttpResponse<String> res = get(denying, "/x");
      assertEquals(503, res.statusCode());
      assertEquals(0, upstream.requests());
      assertTrue(denying.nextLog().reason().startsWith("ext_authz call failed: UNAVAILABLE"));
    }
    try (Upstream upstream = echo();
        ProxyFixture allowing =
            proxy(grpc(closedPort, null, null, ExtAuthzPolicy.FailureMode.ALLOW, 403), upstream)) {
      HttpResponse<String> res = get(allowing, "/x");
      assertEquals(200, res.statusCode());
      assertEquals(1, upstream.requests());
    }
  }

  @Test
  void theBodyIsSentUpToItsLimitAndStillReachesTheUpstreamWhole() throws Exception {
    CheckResponse ok =
        CheckResponse.newBuilder().setOkResponse(OkHttpResponse.newBuilder()).build();
    try (Upstream upstream = echo();
        AuthorizationServer authz = AuthorizationServer.start(r -> ok);
        ProxyFixture proxy =
            proxy(
                grpc(
                    authz.port(),
                    null,
                    new ExtAuthzPolicy.BodyOptions(8, false, false),
                    ExtAuthzPolicy.FailureMode.DENY,
                    403),
                upstream)) {
      HttpResponse<String> small = post(proxy, "hello");
      assertEquals("up:hello", small.body());
      assertEquals("hello", authz.seen().get(0).getAttributes().getRequest().getHttp().getBody());

      HttpResponse<String> large = post(proxy, "0123456789abcdef");
      assertEquals(413, large.statusCode());
      assertEquals(1, authz.seen().size(), "a body over the limit is refused before the check");
    }
    try (Upstream upstream = echo();
        AuthorizationServer authz = AuthorizationServer.start(r -> ok);
        ProxyFixture proxy =
            proxy(
                grpc(
                    authz.port(),
                    null,
                    new ExtAuthzPolicy.BodyOptions(8, true, true),
                    ExtAuthzPolicy.FailureMode.DENY,
                    403),
                upstream)) {
      HttpResponse<String> large = post(proxy, "0123456789abcdef");
      assertEquals("up:0123456789abcdef", large.body());
      assertEquals(
          "01234567",
          authz.seen().get(0).getAttributes().getRequest().getHttp().getRawBody().toStringUtf8());
    }
  }

  @Test
  void httpServiceAllowsOn2xxCopyingItsHeadersAndItsDenialReachesTheClient() throws Exception {
    try (Upstream upstream = echo();
        Upstream auth =
            Upstream.start(
                r ->
                    r.any(
                        (req, res) -> {
                          String token =
                              req.headers()
                                  .value(io.helidon.http.HeaderNames.AUTHORIZATION)
                                  .orElse("");
                          if (token.equals("Bearer good")) {
                            res.header("x-auth-user", "alice").send();
                          } else {
                            res.status(401)
                                .header("www-authenticate", "Bearer")
                                .header("x-auth-user", "nobody")
                                .send("bad token");
                          }
                        }));
        ProxyFixture proxy =
            proxy(
                new ExtAuthzPolicy(
                    new Backend.Host("127.0.0.1", auth.port()),
                    ExtAuthzPolicy.Protocol.HTTP,
                    Map.of(),
                    List.of("x-auth-user"),
                    null,
                    null,
                    ExtAuthzPolicy.FailureMode.DENY,
                    403,
                    SLOW_MACHINE),
                upstream)) {
      HttpResponse<String> allowed =
          get(proxy, "/orders?id=7", "Authorization", "Bearer good", "x-secret", "s");
      assertEquals(200, allowed.statusCode());
      assertEquals("alice", upstream.last().header("x-auth-user"));
      assertEquals("/orders?id=7", auth.last().target());
      assertEquals("GET", auth.last().method());
      assertNull(auth.last().header("x-secret"), "only authorization is sent by default");

      HttpResponse<String> denied = get(proxy, "/orders", "Authorization", "Bearer bad");
      assertEquals(401, denied.statusCode());
      assertEquals("bad token", denied.body());
      assertEquals("Bearer", denied.headers().firstValue("www-authenticate").orElse(""));
      assertEquals(1, upstream.requests());
      assertFalse(proxy.logs().isEmpty());
    }
  }
}
