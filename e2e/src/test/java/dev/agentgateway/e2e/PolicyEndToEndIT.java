package dev.agentgateway.e2e;

import static dev.agentgateway.e2e.E2e.WAIT;
import static dev.agentgateway.e2e.E2e.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.crds.common.Condition;
import dev.agentgateway.crds.common.ConditionStatus;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.crds.policy.AgentgatewayPolicyStatus;
import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.ProxyRuntime;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * AgentgatewayPolicies applied on a Kubernetes API (the fabric8 mock in CRUD mode) change what a
 * real proxy subscribed to the real controller over xDS does: traffic policies, backend TLS from
 * ConfigMaps and Secrets, refused policies that leave the others working, and deletions. One
 * controller and one proxy serve the whole class; each test has its own HTTPRoute (or listener), so
 * the tests do not see each other's policies.
 */
@Timeout(180)
class PolicyEndToEndIT {
  private static final String NS = "apps";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final TestPki.Issued UPSTREAM_CA = TestPki.ca("upstream CA");
  private static final TestPki.Issued OTHER_CA = TestPki.ca("other CA");
  private static final TestPki.Issued UPSTREAM = UPSTREAM_CA.server("echo", "echo.internal");
  private static final TestPki.Issued GATEWAY_CLIENT = UPSTREAM_CA.client("gateway");

  private static final List<AutoCloseable> CLEANUP = new ArrayList<>();
  private static ControlPlane plane;
  private static KubernetesClient client;
  private static int httpPort;
  private static int guardedPort;

  @BeforeAll
  static void start() throws Exception {
    plane = ControlPlane.start(false);
    CLEANUP.addFirst(plane);
    client = plane.client();
    ControllerRuntime controller = plane.controller();

    WebServer plain = E2e.upstreamSaying("ok");
    CLEANUP.addFirst(plain::stop);
    WebServer tls = tlsUpstream();
    CLEANUP.addFirst(tls::stop);
    service("echo", "http", 80, plain.port());
    service("tls-echo", "https", 443, tls.port());

    httpPort = E2e.freePort();
    guardedPort = E2e.freePort();
    client
        .resource(
            new GatewayBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName("gw")
                .endMetadata()
                .withNewSpec()
                .withGatewayClassName("agentgateway")
                .addNewListener()
                .withName("http")
                .withPort(httpPort)
                .withProtocol("HTTP")
                .endListener()
                .addNewListener()
                .withName("guarded")
                .withPort(guardedPort)
                .withProtocol("HTTP")
                .endListener()
                .endSpec()
                .build())
        .create();
    for (String name :
        List.of("jwt", "limit", "cors", "authz", "keys", "missing", "merge", "plain", "basic")) {
      route(name, "http", "echo", 80);
    }
    route("tls", "http", "tls-echo", 443);
    route("guarded", "guarded", "echo", 80);

    ProxyRuntime proxy =
        E2e.xdsProxy(
            Map.of(
                "XDS_ADDRESS",
                "http://127.0.0.1:" + controller.xdsPort(),
                "NAMESPACE",
                NS,
                "GATEWAY",
                "gw"));
    CLEANUP.addFirst(proxy);
    assertTrue(
        eventually(WAIT, () -> "ok".equals(E2e.body(httpPort, "/jwt"))),
        "traffic flows before any policy");
    assertTrue(eventually(WAIT, () -> "ok".equals(E2e.body(guardedPort, "/guarded"))));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : CLEANUP) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  @Test
  void jwtWithAnInlineJwksRefusesRequestsWithoutAValidToken() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    apply(
        """
        metadata: {name: jwt, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: jwt}]
          traffic:
            jwtAuthentication:
              providers:
              - issuer: https://issuer.example
                audiences: [api]
                jwks:
                  inline: '%s'
        """
            .formatted(new JWKSet(key.toPublicJWK()).toString()));

    assertStatusBecomes(401, get(httpPort, "/jwt"));
    assertEquals(200, send(get(httpPort, "/jwt", "authorization", "Bearer " + token(key))).status);
    assertEquals(
        401,
        send(get(httpPort, "/jwt", "authorization", "Bearer " + token(stranger))).status,
        "a token signed by a key outside the JWKS");
    assertAccepted("jwt");
  }

  @Test
  void localRateLimitAnswers429WithTheRateLimitHeaders() throws Exception {
    apply(
        """
        metadata: {name: limit, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: limit}]
          traffic:
            rateLimit:
              local: [{requests: 2, unit: Minutes}]
        """);

    assertTrue(
        eventually(
            WAIT, () -> send(get(httpPort, "/limit")).header("x-ratelimit-limit").isPresent()),
        "the limit reaches the proxy");
    // Two requests a minute: within a few more requests the bucket is empty.
    Reply refused = null;
    for (int i = 0; i < 10 && refused == null; i++) {
      Reply r = send(get(httpPort, "/limit"));
      if (r.status == 429) {
        refused = r;
      }
    }
    assertNotNull(refused, "a 429 once the two requests of the minute are spent");
    assertEquals(Optional.of("2"), refused.header("x-ratelimit-limit"));
    assertEquals(Optional.of("0"), refused.header("x-ratelimit-remaining"));
    assertTrue(refused.header("x-ratelimit-reset").isPresent(), refused.headers::toString);
    assertTrue(refused.header("retry-after").isPresent(), refused.headers::toString);
    assertEquals(200, send(get(httpPort, "/jwt")).status, "other routes are not limited");
  }

  @Test
  void corsPreflightIsAnsweredByTheProxy() throws Exception {
    apply(
        """
        metadata: {name: cors, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: cors}]
          traffic:
            cors:
              allowOrigins: [https://app.example.com]
              allowMethods: [GET, POST]
              allowHeaders: [content-type]
              maxAge: 600
        """);
    HttpRequest preflight =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/cors"))
            .timeout(Duration.ofSeconds(5))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("origin", "https://app.example.com")
            .header("access-control-request-method", "POST")
            .build();

    assertTrue(
        eventually(
            WAIT,
            () ->
                send(preflight)
                    .header("access-control-allow-origin")
                    .equals(Optional.of("https://app.example.com"))),
        "the preflight is answered with the allowed origin");
    Reply reply = send(preflight);
    assertEquals(200, reply.status);
    assertNotEquals("ok", reply.body, "the preflight does not reach the upstream");
    assertEquals(Optional.of("GET, POST"), reply.header("access-control-allow-methods"));
    assertEquals(Optional.of("600"), reply.header("access-control-max-age"));
    Reply fromElsewhere = send(get(httpPort, "/cors", "origin", "https://evil.example.com"));
    assertEquals(
        Optional.empty(),
        fromElsewhere.header("access-control-allow-origin"),
        "another origin gets no CORS grant");
  }

  @Test
  void celAuthorizationDeniesUntilThePolicyIsDeleted() throws Exception {
    apply(
        """
        metadata: {name: authz, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: authz}]
          traffic:
            authorization:
              action: Deny
              policy:
                matchExpressions: ['request.path.startsWith("/authz/admin")']
        """);

    assertStatusBecomes(403, get(httpPort, "/authz/admin"));
    assertEquals(200, send(get(httpPort, "/authz/public")).status);
    assertAccepted("authz");

    client.resources(AgentgatewayPolicy.class).inNamespace(NS).withName("authz").delete();
    assertStatusBecomes(200, get(httpPort, "/authz/admin"));
  }

  @Test
  void apiKeysFollowTheirSecret() throws Exception {
    client.resource(secret("api-keys", Map.of("client1", "k-old"))).create();
    apply(
        """
        metadata: {name: keys, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: keys}]
          traffic:
            apiKeyAuthentication:
              secretRef: {name: api-keys}
        """);

    assertStatusBecomes(401, get(httpPort, "/keys"));
    assertEquals(200, send(get(httpPort, "/keys", "authorization", "Bearer k-old")).status);

    E2e.retryOnConflict(
        () ->
            client
                .secrets()
                .inNamespace(NS)
                .withName("api-keys")
                .edit(s -> secret("api-keys", Map.of("client1", "k-new"))));
    assertStatusBecomes(401, get(httpPort, "/keys", "authorization", "Bearer k-old"));
    assertEquals(200, send(get(httpPort, "/keys", "authorization", "Bearer k-new")).status);
  }

  @Test
  void basicAuthenticationReadsHtpasswdFromASecret() throws Exception {
    client
        .resource(
            secret(
                "htpasswd",
                Map.of(".htaccess", "bob:" + BCrypt.hashpw("s3cret", BCrypt.gensalt(4)) + "\n")))
        .create();
    apply(
        """
        metadata: {name: basic, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: basic}]
          traffic:
            basicAuthentication:
              realm: e2e
              secretRef: {name: htpasswd}
        """);

    assertStatusBecomes(401, get(httpPort, "/basic"));
    assertEquals(
        Optional.of("Basic realm=\"e2e\""),
        send(get(httpPort, "/basic")).header("www-authenticate"));
    assertEquals(200, send(get(httpPort, "/basic", "authorization", basic("bob:s3cret"))).status);
    assertEquals(401, send(get(httpPort, "/basic", "authorization", basic("bob:wrong"))).status);
    assertAccepted("basic");
  }

  private static String basic(String userPassword) {
    return "Basic " + base64(userPassword);
  }

  @Test
  void backendTlsTrustsTheConfigMapsCaThenShowsTheSecretsClientCertificate() throws Exception {
    assertNotEquals(
        200, send(get(httpPort, "/tls")).status, "plain HTTP to the TLS upstream fails");
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName("echo-ca")
                .endMetadata()
                .addToData("ca.crt", OTHER_CA.certPem())
                .build())
        .create();
    String policy =
        """
        metadata: {name: tls, namespace: apps}
        spec:
          targetRefs: [{group: "", kind: Service, name: tls-echo, sectionName: "443"}]
          backend:
            tls:
              caCertificateRefs: [{name: echo-ca}]
              sni: echo.internal
        """;
    apply(policy);
    assertTrue(
        eventually(
            WAIT,
            () -> send(get(httpPort, "/tls")).body.contains("TLS handshake with echo.internal")),
        () ->
            "a CA that did not sign the upstream fails the handshake: "
                + send(get(httpPort, "/tls")));

    // The ConfigMap now holds the CA that signed the upstream: the change is followed.
    E2e.retryOnConflict(
        () ->
            client
                .configMaps()
                .inNamespace(NS)
                .withName("echo-ca")
                .edit(
                    c -> {
                      c.setData(Map.of("ca.crt", UPSTREAM_CA.certPem()));
                      return c;
                    }));
    assertTrue(
        eventually(WAIT, () -> "anonymous".equals(send(get(httpPort, "/tls")).body)),
        "the upstream is verified with the ConfigMap's CA");

    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName("gateway-client")
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", base64(GATEWAY_CLIENT.chainPem()))
                .addToData("tls.key", base64(GATEWAY_CLIENT.keyPem()))
                .build())
        .create();
    E2e.retryOnConflict(
        () ->
            client
                .resources(AgentgatewayPolicy.class)
                .inNamespace(NS)
                .withName("tls")
                .edit(
                    p ->
                        policy(
                            policy.replace(
                                "sni: echo.internal",
                                "sni: echo.internal\n      mtlsCertificateRef: [{name: gateway-client}]"))));
    assertTrue(
        eventually(WAIT, () -> "client CN=gateway".equals(send(get(httpPort, "/tls")).body)),
        () -> "the upstream sees the Secret's client certificate: " + send(get(httpPort, "/tls")));
    assertAccepted("tls");
  }

  @Test
  void aRoutePolicyOverridesTheGatewayPolicyUntilTheGatewayPolicyIsDeleted() throws Exception {
    apply(
        """
        metadata: {name: gateway-wide, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: gw}]
          traffic:
            headerModifiers:
              response:
                set: [{name: x-level, value: gateway}]
        """);
    apply(
        """
        metadata: {name: merge, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: merge}]
          traffic:
            headerModifiers:
              response:
                set: [{name: x-level, value: route}]
        """);

    assertTrue(
        eventually(
            WAIT,
            () ->
                send(get(httpPort, "/merge")).header("x-level").equals(Optional.of("route"))
                    && send(get(httpPort, "/plain"))
                        .header("x-level")
                        .equals(Optional.of("gateway"))),
        () ->
            "the route's own policy wins on its route, the Gateway's elsewhere: "
                + send(get(httpPort, "/merge"))
                + " "
                + send(get(httpPort, "/plain")));
    assertAccepted("gateway-wide");

    client.resources(AgentgatewayPolicy.class).inNamespace(NS).withName("gateway-wide").delete();
    assertTrue(
        eventually(WAIT, () -> send(get(httpPort, "/plain")).header("x-level").isEmpty()),
        "the deleted Gateway policy no longer applies");
    assertEquals(Optional.of("route"), send(get(httpPort, "/merge")).header("x-level"));
  }

  @Test
  void anInvalidCelPolicyIsRefusedWhileAnotherOnTheSameGatewayStillApplies() throws Exception {
    apply(
        """
        metadata: {name: guard, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: gw, sectionName: guarded}]
          traffic:
            authorization:
              action: Deny
              policy:
                matchExpressions: ['request.path == "/guarded/secret"']
        """);
    apply(
        """
        metadata: {name: broken, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: gw, sectionName: guarded}]
          traffic:
            transformation:
              request:
                set: [{name: x-broken, value: 'request.path ==' }]
        """);

    Condition refused = acceptedCondition("broken", c -> c.status() == ConditionStatus.FALSE);
    assertEquals("Invalid", refused.reason());
    assertTrue(
        refused.message().contains("traffic.transformation.request.set[0].value")
            && refused.message().contains("invalid CEL expression"),
        refused.message());
    assertStatusBecomes(403, get(guardedPort, "/guarded/secret"));
    assertEquals(200, send(get(guardedPort, "/guarded/open")).status);
    assertAccepted("guard");
  }

  @Test
  void aPolicyNamingAMissingSecretIsRefusedUntilTheSecretExists() throws Exception {
    apply(
        """
        metadata: {name: missing, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: missing}]
          traffic:
            apiKeyAuthentication:
              secretRef: {name: absent}
        """);

    Condition refused = acceptedCondition("missing", c -> c.status() == ConditionStatus.FALSE);
    assertTrue(refused.message().contains("Secret apps/absent not found"), refused.message());
    assertEquals(200, send(get(httpPort, "/missing")).status, "nothing of the policy applies");

    client.resource(secret("absent", Map.of("client", "k-late"))).create();
    assertStatusBecomes(401, get(httpPort, "/missing"));
    assertEquals(200, send(get(httpPort, "/missing", "authorization", "Bearer k-late")).status);
    assertAccepted("missing");
  }

  // --- policies and their status

  private static void apply(String yaml) {
    client.resource(policy(yaml)).create();
  }

  private static AgentgatewayPolicy policy(String yaml) {
    return client
        .getKubernetesSerialization()
        .unmarshal(
            "apiVersion: agentgateway.dev/v1alpha1\nkind: AgentgatewayPolicy\n" + yaml,
            AgentgatewayPolicy.class);
  }

  private static void assertAccepted(String policy) throws InterruptedException {
    Condition accepted = acceptedCondition(policy, c -> c.status() == ConditionStatus.TRUE);
    assertEquals("Valid", accepted.reason(), accepted.message());
  }

  /** Waits for the policy's Accepted condition on its Gateway to satisfy {@code wanted}. */
  private static Condition acceptedCondition(String policy, Predicate<Condition> wanted)
      throws InterruptedException {
    Condition[] seen = new Condition[1];
    boolean ok =
        eventually(
            WAIT,
            () -> {
              AgentgatewayPolicy p =
                  client.resources(AgentgatewayPolicy.class).inNamespace(NS).withName(policy).get();
              AgentgatewayPolicyStatus status = p == null ? null : p.getStatus();
              if (status == null || status.ancestors().isEmpty()) {
                return false;
              }
              seen[0] =
                  status.ancestors().get(0).conditions().stream()
                      .filter(c -> "Accepted".equals(c.type()))
                      .findFirst()
                      .orElse(null);
              return seen[0] != null && wanted.test(seen[0]);
            });
    assertTrue(ok, () -> "policy " + policy + " Accepted condition: " + seen[0]);
    return seen[0];
  }

  // --- requests

  /** What the proxy answered; a failed exchange is status 0 with the exception as body. */
  private record Reply(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  private static HttpRequest get(int port, String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return b.build();
  }

  private static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      return new Reply(0, Map.of(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, Map.of(), "interrupted");
    }
  }

  /** Waits until the proxy answers {@code request} with {@code status} (a policy took effect). */
  private static void assertStatusBecomes(int status, HttpRequest request)
      throws InterruptedException {
    Reply[] last = new Reply[1];
    boolean ok =
        eventually(
            WAIT,
            () -> {
              last[0] = send(request);
              return last[0].status == status;
            });
    assertTrue(ok, () -> request.uri().getPath() + " expected " + status + ", last: " + last[0]);
  }

  private static String token(ECKey key) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer("https://issuer.example")
                .subject("alice")
                .audience("api")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  // --- cluster objects and upstreams

  /** A loopback HTTPS upstream that answers with the client certificate it was shown. */
  private static WebServer tlsUpstream() {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .shutdownHook(false)
        .tls(
            Tls.builder()
                .privateKey(UPSTREAM.key())
                .privateKeyCertChain(List.of(UPSTREAM.certificate(), UPSTREAM_CA.certificate()))
                .trust(List.of(UPSTREAM_CA.certificate()))
                .clientAuth(TlsClientAuth.OPTIONAL)
                .build())
        .routing(
            r ->
                r.any(
                    (req, res) ->
                        res.send(
                            req.remotePeer()
                                .tlsCertificates()
                                .map(
                                    c ->
                                        "client "
                                            + ((X509Certificate) c[0])
                                                .getSubjectX500Principal()
                                                .getName())
                                .orElse("anonymous"))))
        .build()
        .start();
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(
      String name, Map<String, String> data) {
    Map<String, String> encoded = new HashMap<>();
    data.forEach((k, v) -> encoded.put(k, base64(v)));
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(NS)
        .withName(name)
        .endMetadata()
        .withData(encoded)
        .build();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void service(String name, String portName, int port, int targetPort) {
    plane.service(NS, name, portName, port, targetPort);
  }

  /** An HTTPRoute {@code name} on one listener, serving the prefix /{@code name}. */
  private static void route(String name, String listener, String service, int port) {
    HTTPRoute route =
        new HTTPRouteBuilder()
            .withNewMetadata()
            .withNamespace(NS)
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .addNewParentRef()
            .withName("gw")
            .withSectionName(listener)
            .endParentRef()
            .addNewRule()
            .addNewMatch()
            .withNewPath()
            .withType("PathPrefix")
            .withValue("/" + name)
            .endPath()
            .endMatch()
            .addNewBackendRef()
            .withName(service)
            .withPort(port)
            .endBackendRef()
            .endRule()
            .endSpec()
            .build();
    client.resource(route).create();
  }
}
