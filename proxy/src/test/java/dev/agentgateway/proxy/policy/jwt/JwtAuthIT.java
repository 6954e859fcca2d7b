package dev.agentgateway.proxy.policy.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentgateway.model.envoy.ratelimit.RateLimitDescriptor;
import dev.agentgateway.model.envoy.ratelimit.RateLimitRequest;
import dev.agentgateway.model.envoy.ratelimit.RateLimitResponse;
import dev.agentgateway.model.envoy.ratelimit.RateLimitServiceGrpc;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.helidon.webserver.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jwtAuth on plain HTTP and A2A routes through a real proxy: the three modes, a remote JWKS that
 * rotates its keys while the proxy runs, claims in CEL authorization, transformations and remote
 * rate-limit descriptors, and {@code jwt.sub} in the access log.
 */
class JwtAuthIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String ISSUER = "https://issuer.example";
  // No wait between refetches, so the test need not sleep past the production 30 s.
  private static final JwksSettings SETTINGS =
      new JwksSettings(Duration.ofMinutes(5), Duration.ZERO, Duration.ofSeconds(5), 512 * 1024);

  private static WebServer upstream;
  private static JwksServer keys;
  private static JwksServer rotating;
  private static ProxyFixture proxy;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        WebServer.builder()
            .port(0)
            .routing(
                r ->
                    r.any(
                        (req, res) ->
                            res.send(
                                "auth="
                                    + req.headers()
                                        .first(io.helidon.http.HeaderNames.AUTHORIZATION)
                                        .orElse("-")
                                    + " user="
                                    + req.headers()
                                        .first(io.helidon.http.HeaderNames.create("x-user"))
                                        .orElse("-"))))
            .build()
            .start();
    keys = new JwksServer();
    keys.serve(List.of(Tokens.RSA_A.toPublicJWK()));
    rotating = new JwksServer();
    rotating.serve(List.of(Tokens.RSA_A.toPublicJWK()));
    var backend = ProxyFixture.local(upstream.port());
    proxy =
        ProxyFixture.withJwks(
            SETTINGS,
            ProxyFixture.route("strict", "/strict", jwt(JwtAuthPolicy.Mode.STRICT, keys), backend),
            ProxyFixture.route(
                "optional", "/optional", jwt(JwtAuthPolicy.Mode.OPTIONAL, keys), backend),
            ProxyFixture.route(
                "permissive", "/permissive", jwt(JwtAuthPolicy.Mode.PERMISSIVE, keys), backend),
            ProxyFixture.route(
                "claims",
                "/claims",
                RoutePolicies.builder()
                    .jwtAuth(jwtPolicy(JwtAuthPolicy.Mode.OPTIONAL, keys))
                    .authorization(
                        new AuthorizationPolicy(
                            List.of(
                                new McpAuthorizationPolicy.Rule(
                                    McpAuthorizationPolicy.Kind.ALLOW,
                                    "jwt.sub == \"alice\" && \"admins\" in jwt.groups"))))
                    .transformations(
                        new TransformationPolicy(
                            new TransformationPolicy.Transform(
                                List.of(),
                                List.of(new HeaderValue("x-user", "jwt.sub")),
                                List.of(),
                                null),
                            null))
                    .build(),
                backend),
            ProxyFixture.route(
                "rotate", "/rotate", jwt(JwtAuthPolicy.Mode.STRICT, rotating), backend),
            ProxyFixture.route(
                "query",
                "/query",
                RoutePolicies.builder()
                    .jwtAuth(
                        new JwtAuthPolicy(
                            JwtAuthPolicy.Mode.STRICT,
                            jwtPolicy(JwtAuthPolicy.Mode.STRICT, keys).providers(),
                            new CredentialLocation.QueryParameter("access_token")))
                    .build(),
                backend),
            TestConfigs.route(
                "a2a",
                TestConfigs.prefix("/a2a"),
                jwt(JwtAuthPolicy.Mode.STRICT, keys),
                List.of(new RouteBackend(new Backend.A2a(backend), 1)),
                0));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.stop();
    }
    if (keys != null) {
      keys.close();
    }
    if (rotating != null) {
      rotating.close();
    }
  }

  private static JwtAuthPolicy jwtPolicy(JwtAuthPolicy.Mode mode, JwksServer server) {
    return new JwtAuthPolicy(
        mode,
        List.of(
            new JwtAuthPolicy.Provider(
                ISSUER, List.of("api"), new JwtAuthPolicy.Jwks.Remote(server.url().toString()))));
  }

  private static RoutePolicies jwt(JwtAuthPolicy.Mode mode, JwksServer server) {
    return RoutePolicies.builder().jwtAuth(jwtPolicy(mode, server)).build();
  }

  /** Claims valid now: this test runs against the proxy's real clock. */
  private static JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience("api")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
  }

  private static String token(JWK key, String subject) throws Exception {
    return Tokens.sign(key, JWSAlgorithm.RS256, claims(subject).build());
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.url(path))).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String challenge(HttpResponse<String> response) {
    return response.headers().firstValue("www-authenticate").orElse(null);
  }

  @Test
  void strictRefusesAMissingOrBadTokenAndForwardsAValidOne() throws Exception {
    HttpResponse<String> none = get("/strict", null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", challenge(none), "no error code when no token was sent (RFC 6750)");
    assertEquals("jwt: missing bearer token", none.body());

    HttpResponse<String> garbage = get("/strict", "not-a-jwt");
    assertEquals(401, garbage.statusCode());
    assertEquals("Bearer error=\"invalid_token\"", challenge(garbage));

    String alice = token(Tokens.RSA_A, "alice");
    HttpResponse<String> ok = get("/strict", alice);
    assertEquals(200, ok.statusCode());
    // Upstream's reference does not say the token is removed: it is forwarded unchanged.
    assertEquals("auth=Bearer " + alice + " user=-", ok.body());
  }

  @Test
  void strictRefusesExpiredForeignAndWrongAudienceTokens() throws Exception {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    String expired =
        Tokens.sign(
            Tokens.RSA_A,
            JWSAlgorithm.RS256,
            claims("alice")
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build());
    assertEquals(401, get("/strict", expired).statusCode());
    ECKey stranger = Tokens.ec("stranger");
    String foreign = Tokens.sign(stranger, JWSAlgorithm.ES256, claims("alice").build());
    HttpResponse<String> refused = get("/strict", foreign);
    assertEquals(401, refused.statusCode());
    assertEquals("jwt: token signing key is unknown", refused.body());
    String otherAudience =
        Tokens.sign(Tokens.RSA_A, JWSAlgorithm.RS256, claims("alice").audience("web").build());
    assertEquals(401, get("/strict", otherAudience).statusCode());
  }

  @Test
  void optionalLetsNoTokenInButRefusesABadOne() throws Exception {
    assertEquals(200, get("/optional", null).statusCode());
    HttpResponse<String> bad = get("/optional", "not-a-jwt");
    assertEquals(401, bad.statusCode());
    assertEquals("Bearer error=\"invalid_token\"", challenge(bad));
    assertEquals(200, get("/optional", token(Tokens.RSA_A, "alice")).statusCode());
  }

  @Test
  void aTokenIsReadWhereThePolicySaysAndNowhereElse() throws Exception {
    String alice = token(Tokens.RSA_A, "alice");
    assertEquals(200, get("/query?access_token=" + alice, null).statusCode());
    HttpResponse<String> header = get("/query", alice);
    assertEquals(401, header.statusCode(), "the Authorization header is not where this one looks");
    assertEquals("jwt: missing bearer token", header.body());
    assertEquals(
        401, get("/query?access_token=" + token(Tokens.RSA_B, "alice"), null).statusCode());
    assertEquals(401, get("/query?access_token=a%20b", null).statusCode());
  }

  @Test
  void permissiveNeverRefuses() throws Exception {
    assertEquals(200, get("/permissive", null).statusCode());
    assertEquals(200, get("/permissive", "not-a-jwt").statusCode());
    assertEquals(200, get("/permissive", token(Tokens.RSA_B, "alice")).statusCode());
    assertEquals(200, get("/permissive", token(Tokens.RSA_A, "alice")).statusCode());
  }

  @Test
  void claimsReachAuthorizationRulesTransformationsAndTheAccessLog() throws Exception {
    String admin =
        Tokens.sign(
            Tokens.RSA_A,
            JWSAlgorithm.RS256,
            claims("alice").claim("groups", List.of("admins", "dev")).build());
    HttpResponse<String> allowed = get("/claims", admin);
    assertEquals(200, allowed.statusCode());
    assertTrue(allowed.body().endsWith(" user=alice"), allowed.body());
    RequestLog log = lastLogFor("/claims", 200);
    assertTrue(log.fields().contains(new RequestLog.Field("jwt.sub", "alice")), log.toString());
    assertFalse(log.toString().contains(admin), "the token never reaches the log");

    String dev =
        Tokens.sign(
            Tokens.RSA_A,
            JWSAlgorithm.RS256,
            claims("bob").claim("groups", List.of("dev")).build());
    HttpResponse<String> denied = get("/claims", dev);
    assertEquals(403, denied.statusCode());
    assertEquals(
        new RequestLog.Field("jwt.sub", "bob"),
        lastLogFor("/claims", 403).fields().stream()
            .filter(f -> f.key().equals("jwt.sub"))
            .findFirst()
            .orElse(null));
    // No token: optional lets it through authentication, and the rules (no jwt) deny it.
    assertEquals(403, get("/claims", null).statusCode());
  }

  @Test
  void aRotatedKeySetIsFetchedOnAnUnknownKeyIdAndTheOldKeyStopsWorking() throws Exception {
    String signedByA = token(Tokens.RSA_A, "alice");
    String signedByB = token(Tokens.RSA_B, "alice");
    assertEquals(200, get("/rotate", signedByA).statusCode());
    assertEquals(1, rotating.fetches());

    // The issuer rotates: only B is published now.
    rotating.serve(List.of(Tokens.RSA_B.toPublicJWK()));
    assertEquals(
        200, get("/rotate", signedByA).statusCode(), "A is still cached: no fetch per request");
    assertEquals(1, rotating.fetches());

    assertEquals(200, get("/rotate", signedByB).statusCode(), "B's kid is unknown: refetched");
    assertEquals(2, rotating.fetches());

    HttpResponse<String> old = get("/rotate", signedByA);
    assertEquals(401, old.statusCode(), "A is gone from the refetched set");
    assertEquals("Bearer error=\"invalid_token\"", challenge(old));
    assertEquals(200, get("/rotate", signedByB).statusCode());

    // The key server fails: the last good set keeps serving.
    rotating.fail(503);
    assertEquals(200, get("/rotate", signedByB).statusCode());
    assertEquals(401, get("/rotate", signedByA).statusCode());
  }

  @Test
  void a2aRoutesAuthenticateInTheRoutePhaseToo() throws Exception {
    HttpResponse<String> none = get("/a2a/agent", null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", challenge(none));
    HttpResponse<String> ok = get("/a2a/agent", token(Tokens.RSA_A, "carol"));
    assertEquals(200, ok.statusCode());
    assertTrue(
        lastLogFor("/a2a/agent", 200).fields().contains(new RequestLog.Field("jwt.sub", "carol")));
  }

  /** The latest log of {@code path} with {@code status}; logs land just after the response. */
  /** Records every descriptor set it is asked about and admits them all. */
  private static final class RecordingLimits extends RateLimitServiceGrpc.RateLimitServiceImplBase {
    private final List<RateLimitRequest> seen = new CopyOnWriteArrayList<>();

    @Override
    public void shouldRateLimit(
        RateLimitRequest request, StreamObserver<RateLimitResponse> answer) {
      seen.add(request);
      answer.onNext(
          RateLimitResponse.newBuilder().setOverallCode(RateLimitResponse.Code.OK).build());
      answer.onCompleted();
    }
  }

  @Test
  void remoteRateLimitDescriptorsReadTheClaims() throws Exception {
    RecordingLimits limits = new RecordingLimits();
    Server rls =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .addService(limits)
            .build()
            .start();
    RemoteRateLimitPolicy policy =
        new RemoteRateLimitPolicy(
            new Backend.Host("127.0.0.1", rls.getPort()),
            "api",
            List.of(
                new RemoteRateLimitPolicy.Descriptor(
                    List.of(new RemoteRateLimitPolicy.Entry("user", "jwt.sub")))),
            RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED,
            // The first call starts gRPC's transport; a loaded machine may take seconds.
            Duration.ofSeconds(20));
    try (ProxyFixture limited =
        ProxyFixture.withJwks(
            SETTINGS,
            ProxyFixture.route(
                "limited",
                "/limited",
                RoutePolicies.builder()
                    .jwtAuth(jwtPolicy(JwtAuthPolicy.Mode.STRICT, keys))
                    .remoteRateLimit(policy)
                    .build(),
                ProxyFixture.local(upstream.port())))) {
      HttpResponse<String> ok =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(limited.url("/limited")))
                  .header("Authorization", "Bearer " + token(Tokens.RSA_A, "dave"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals(1, limits.seen.size());
      RateLimitDescriptor.Entry entry = limits.seen.get(0).getDescriptors(0).getEntries(0);
      assertEquals("user", entry.getKey());
      assertEquals("dave", entry.getValue());
    } finally {
      rls.shutdownNow();
      rls.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static RequestLog lastLogFor(String path, int status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      List<RequestLog> logs = proxy.logs();
      for (int i = logs.size() - 1; i >= 0; i--) {
        RequestLog log = logs.get(i);
        if (log.path().equals(path) && log.status() == status) {
          return log;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no log for " + path + " " + status);
      }
      Thread.sleep(10);
    }
  }
}
