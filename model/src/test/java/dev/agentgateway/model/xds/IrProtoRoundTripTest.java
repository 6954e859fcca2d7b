package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.CorsPolicy;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.McpAuthenticationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.TlsVersion;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.model.ir.ValueMatch;
import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.model.xds.proto.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IrProtoRoundTripTest {

  private static final Backend.Host UPSTREAM = new Backend.Host("api.example.com", 8443);

  /** IR -> proto -> bytes -> proto -> IR, so field presence is tested on the wire. */
  private static Object wire(Resource resource) throws InvalidProtocolBufferException {
    return ProtoToIr.decode(Resource.parseFrom(resource.toByteArray()));
  }

  private static RoutePolicies fullPolicies(
      AuthorityRewrite redirectAuthority,
      PathRewrite redirectPath,
      AuthorityRewrite rewriteAuthority,
      PathRewrite rewritePath) {
    return new RoutePolicies(
        new HeaderModifier(
            List.of(new HeaderValue("x-add", "1"), new HeaderValue("x-add", "2")),
            List.of(new HeaderValue("x-set", "")),
            List.of("x-remove", "x-other")),
        new HeaderModifier(List.of(new HeaderValue("x-resp", "v")), List.of(), List.of("server")),
        new RequestRedirect("https", redirectAuthority, redirectPath, 301),
        new UrlRewrite(rewriteAuthority, rewritePath),
        new RequestMirror(new Backend.Host("::1", 9000), 0.25),
        new DirectResponse(418, "teapot", "request.path"),
        new TimeoutPolicy(Duration.ofSeconds(30), Duration.ofMillis(1500)),
        new RetryPolicy(
            3,
            Duration.ofMillis(250),
            Set.of(503, 502, 429),
            "request.method == \"GET\"",
            "response.code == 500"),
        new JwtAuthPolicy(
            JwtAuthPolicy.Mode.STRICT,
            List.of(
                new JwtAuthPolicy.Provider(
                    "https://issuer.example",
                    List.of("mcp", "api"),
                    new JwtAuthPolicy.Jwks.Remote("https://issuer.example/jwks")),
                new JwtAuthPolicy.Provider(
                    "local", List.of(), new JwtAuthPolicy.Jwks.Inline("{\"keys\":[]}")),
                new JwtAuthPolicy.Provider(
                    "file", List.of(), new JwtAuthPolicy.Jwks.File("/etc/jwks.json")),
                new JwtAuthPolicy.Provider(
                    "cached",
                    List.of(),
                    new JwtAuthPolicy.Jwks.Remote(
                        "https://cached.example/jwks", Duration.ofMinutes(10)))),
            new CredentialLocation.Header("x-token", "Token ")),
        new McpAuthorizationPolicy(
            List.of(
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.ALLOW, "mcp.tool.name == \"echo\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.DENY, "jwt.sub == \"mallory\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.REQUIRE, "has(jwt.sub)"))),
        new McpAuthenticationPolicy(
            "https://issuer.example",
            List.of("mcp"),
            new JwtAuthPolicy.Jwks.Remote("https://issuer.example/jwks", Duration.ofMinutes(7)),
            JwtAuthPolicy.Mode.OPTIONAL,
            List.of("exp", "sub"),
            "{\"scopesSupported\":[\"read\"]}"),
        new CorsPolicy(
            true,
            List.of("content-type"),
            List.of("GET", "POST"),
            List.of("https://app.example", "https://*.example.org"),
            List.of("mcp-session-id"),
            Duration.ofHours(1)),
        AiPoliciesProtoTest.fullAi(),
        AiPoliciesProtoTest.fullRateLimit(),
        new TransformationPolicy(
            new TransformationPolicy.Transform(
                List.of(new HeaderValue("x-path", "request.path")),
                List.of(new HeaderValue("x-user", "request.headers[\"x-user\"]")),
                List.of("x-secret"),
                "string(request.body)"),
            new TransformationPolicy.Transform(
                List.of(),
                List.of(new HeaderValue("x-code", "string(response.code)")),
                List.of(),
                null)),
        new BufferPolicy(new BufferPolicy.Limit(4096L, false), new BufferPolicy.Limit(null, true)),
        fullExtAuthz(),
        fullRemoteRateLimit(),
        fullApiKey(new CredentialLocation.Header("x-api-key", "Key ")),
        fullBasicAuth(CredentialLocation.BASIC, "agw"),
        new AuthorizationPolicy(
            List.of(
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.ALLOW, "request.method == \"GET\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.DENY, "apiKey.group == \"banned\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.REQUIRE, "has(basicAuth.username)"))),
        new CsrfPolicy(List.of("https://app.example", "http://localhost:3000")),
        fullBackendTls(),
        new BackendAuth.Key(
            new Secret("sk-backend"), new BackendAuth.Location.Header("x-api-key", "Key ")),
        new BackendTcpPolicy(
            Duration.ofMillis(250),
            new BackendTcpPolicy.Keepalive(true, Duration.ofSeconds(30), Duration.ofSeconds(5), 4)),
        new BackendHttpPolicy(BackendHttpPolicy.Version.HTTP2, Duration.ofSeconds(7)),
        new HealthPolicy(
            "response.code >= 500",
            new HealthPolicy.Eviction(Duration.ofSeconds(10), 3, 0.5, 0.8)));
  }

  @Test
  void backendPoliciesKeepAbsentPartsAbsent() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .backendAuth(new BackendAuth.Passthrough())
            .backendTcp(
                new BackendTcpPolicy(null, new BackendTcpPolicy.Keepalive(false, null, null, null)))
            .backendHttp(new BackendHttpPolicy(null, null))
            .health(new HealthPolicy(null, new HealthPolicy.Eviction(null, null, null, null)))
            .build();
    Policy policy =
        new Policy(
            "p", null, new PolicyTarget(PolicyTarget.Kind.BACKEND, "ns/svc", null), policies);
    assertEquals(policy, wire(IrToProto.resource(policy)));
    assertEquals(
        new BackendAuth.Key(new Secret("k")),
        ((Policy)
                wire(
                    IrToProto.resource(
                        new Policy(
                            "q",
                            null,
                            new PolicyTarget(PolicyTarget.Kind.ROUTE, "ns/r", null),
                            RoutePolicies.builder()
                                .backendAuth(new BackendAuth.Key(new Secret("k")))
                                .build()))))
            .policy()
            .backendAuth());
  }

  @Test
  void transformationsAndBufferKeepAbsentPartsAbsent() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .transformations(
                new TransformationPolicy(
                    null,
                    new TransformationPolicy.Transform(
                        List.of(), List.of(), List.of("server"), null)))
            .buffer(new BufferPolicy(null, new BufferPolicy.Limit(0L, false)))
            .retry(new RetryPolicy(2, null, Set.of(), null, "response.code >= 500"))
            .build();
    Policy policy =
        new Policy("p", null, new PolicyTarget(PolicyTarget.Kind.ROUTE, "ns/r", null), policies);
    assertEquals(policy, wire(IrToProto.resource(policy)));
  }

  @Test
  void gatewayPhaseAndOverrideInheritanceSurviveTheWire() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .cors(new CorsPolicy(false, List.of(), List.of("GET"), List.of("*"), List.of(), null))
            .build();
    Policy gatewayPhase =
        new Policy(
            "p",
            "ns/p",
            new PolicyTarget(PolicyTarget.Kind.LISTENER, "ns/gw.http", null),
            policies,
            Policy.Phase.GATEWAY,
            Policy.Inheritance.OVERRIDE);
    assertEquals(gatewayPhase, wire(IrToProto.resource(gatewayPhase)));
    Policy defaults =
        new Policy("q", null, new PolicyTarget(PolicyTarget.Kind.GATEWAY, "ns/gw", null), policies);
    assertEquals(defaults, wire(IrToProto.resource(defaults)));
    // the defaults stay off the wire, so older policies encode as before
    assertEquals(
        dev.agentgateway.model.xds.proto.PolicyPhase.POLICY_PHASE_UNSPECIFIED,
        IrToProto.policy(defaults).getPhase());
  }

  static ExtAuthzPolicy fullExtAuthz() {
    return new ExtAuthzPolicy(
        new Backend.Service("auth", "ext-authz", 9000),
        ExtAuthzPolicy.Protocol.GRPC,
        java.util.Map.of("tenant", "a", "zone", "b"),
        List.of(),
        List.of("authorization", ":path"),
        new ExtAuthzPolicy.BodyOptions(4096, true, true),
        ExtAuthzPolicy.FailureMode.ALLOW,
        401,
        Duration.ofMillis(300));
  }

  static RemoteRateLimitPolicy fullRemoteRateLimit() {
    return new RemoteRateLimitPolicy(
        new Backend.Host("rls", 8081),
        "api",
        List.of(
            new RemoteRateLimitPolicy.Descriptor(
                List.of(
                    new RemoteRateLimitPolicy.Entry("user", "request.headers[\"x-user\"]"),
                    new RemoteRateLimitPolicy.Entry("path", "request.path"))),
            new RemoteRateLimitPolicy.Descriptor(
                List.of(new RemoteRateLimitPolicy.Entry("k", "\"v\"")))),
        RemoteRateLimitPolicy.FailureMode.FAIL_OPEN,
        Duration.ofSeconds(2));
  }

  @Test
  void extAuthzOptionalFieldsRoundTripAsAbsent() throws Exception {
    for (List<String> headers : java.util.Arrays.asList(null, List.<String>of())) {
      RoutePolicies policies =
          RoutePolicies.builder()
              .extAuthz(
                  new ExtAuthzPolicy(
                      new Backend.Host("authz", 80),
                      ExtAuthzPolicy.Protocol.HTTP,
                      java.util.Map.of(),
                      List.of("x-user"),
                      headers,
                      null,
                      ExtAuthzPolicy.FailureMode.DENY,
                      403,
                      null))
              .remoteRateLimit(
                  new RemoteRateLimitPolicy(
                      new Backend.Host("rls", 8081),
                      "d",
                      List.of(
                          new RemoteRateLimitPolicy.Descriptor(
                              List.of(new RemoteRateLimitPolicy.Entry("k", "1")))),
                      RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED,
                      null))
              .build();
      Policy policy =
          new Policy("p", null, new PolicyTarget(PolicyTarget.Kind.ROUTE, "ns/r", null), policies);
      assertEquals(policy, wire(IrToProto.resource(policy)));
    }
  }

  private static ApiKeyAuthPolicy fullApiKey(CredentialLocation location) {
    return new ApiKeyAuthPolicy(
        ApiKeyAuthPolicy.Mode.PERMISSIVE,
        List.of(
            new ApiKeyAuthPolicy.Key(new Secret("k-1"), null, "{\"name\":\"alice\"}"),
            new ApiKeyAuthPolicy.Key(null, "ab".repeat(32), null)),
        location);
  }

  private static BasicAuthPolicy fullBasicAuth(CredentialLocation location, String realm) {
    return new BasicAuthPolicy(
        List.of(
            new BasicAuthPolicy.User("alice", new Secret("$apr1$abcdefgh$ckT15POyCRlen.h6XtGAZ1")),
            new BasicAuthPolicy.User("bob", new Secret("{SHA}87u9ZqY9S/F0eUBXjsPQEDUw4h0="))),
        realm,
        BasicAuthPolicy.Mode.STRICT,
        location);
  }

  @Test
  void localAuthPoliciesRoundTripEveryLocationAndMode() throws Exception {
    List<CredentialLocation> locations =
        List.of(
            new CredentialLocation.Header("authorization", null),
            new CredentialLocation.QueryParameter("api_key"),
            new CredentialLocation.Cookie("session"));
    for (CredentialLocation location : locations) {
      for (ApiKeyAuthPolicy.Mode mode : ApiKeyAuthPolicy.Mode.values()) {
        RoutePolicies policies =
            RoutePolicies.builder()
                .apiKey(new ApiKeyAuthPolicy(mode, fullApiKey(location).keys(), location))
                .basicAuth(fullBasicAuth(location, null))
                .csrf(new CsrfPolicy(List.of()))
                .build();
        Policy policy =
            new Policy(
                "p", null, new PolicyTarget(PolicyTarget.Kind.GATEWAY, "gw", null), policies);
        assertEquals(policy, wire(IrToProto.resource(policy)));
      }
    }
  }

  private static final TestPki.Issued CA = TestPki.ca("round-trip CA");
  private static final TestPki.Issued SERVER = CA.server("server", "api.example.com");

  static ListenerTls fullListenerTls() {
    return new ListenerTls(
        SERVER.chainPem(),
        new Secret(SERVER.keyPem()),
        CA.certPem(),
        List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
        TlsVersion.TLS_1_2,
        TlsVersion.TLS_1_3,
        List.of("http/1.1"),
        Duration.ofSeconds(3));
  }

  static BackendTlsPolicy fullBackendTls() {
    TestPki.Issued client = CA.client("gateway");
    return new BackendTlsPolicy(
        client.chainPem(),
        new Secret(client.keyPem()),
        CA.certPem(),
        "api.internal",
        false,
        true,
        List.of("h2", "http/1.1"),
        List.of("api.example.com", "spiffe://td/ns/a/sa/b"));
  }

  @Test
  void mcpAuthenticationRequiredClaimsKeepAbsentAndEmptyApart() throws Exception {
    for (List<String> claims : java.util.Arrays.asList(null, List.<String>of())) {
      RoutePolicies policies =
          RoutePolicies.builder()
              .mcpAuthentication(
                  new McpAuthenticationPolicy(
                      "iss",
                      List.of(),
                      new JwtAuthPolicy.Jwks.File("/etc/jwks.json"),
                      JwtAuthPolicy.Mode.STRICT,
                      claims,
                      null))
              .build();
      Policy policy =
          new Policy("p", null, new PolicyTarget(PolicyTarget.Kind.GATEWAY, "gw", null), policies);
      assertEquals(policy, wire(IrToProto.resource(policy)));
    }
  }

  private static Route fullRoute(PathMatch path, ValueMatch headerValue, RoutePolicies policies) {
    return new Route(
        "default/r.00.http",
        "default/gw.http",
        "r",
        "default",
        "rule-a",
        List.of("example.com", "*.example.org"),
        List.of(
            new RouteMatch(
                path,
                "POST",
                List.of(new HeaderMatch("x-env", headerValue)),
                List.of(new QueryMatch("q", new ValueMatch.Regex("a+b")))),
            new RouteMatch(new PathMatch.Exact("/health"), null, List.of(), List.of())),
        policies,
        List.of(
            new RouteBackend(UPSTREAM, 80),
            new RouteBackend(new Backend.Host("b", 1), 0),
            new RouteBackend(new Backend.Service("shop", "cart", 8080), 20)),
        7);
  }

  @Test
  void bindRoundTrips() throws Exception {
    Bind bind = new Bind("bind/3000", 3000);
    assertEquals(bind, wire(IrToProto.resource(bind)));
  }

  @ParameterizedTest
  @EnumSource(ListenerProtocol.class)
  void fullListenerRoundTripsForEveryProtocol(ListenerProtocol protocol) throws Exception {
    ListenerTls tls = protocol == ListenerProtocol.HTTPS ? fullListenerTls() : null;
    Listener listener = new Listener("ns/gw.l", "bind/3000", "l", "*.example.com", protocol, tls);
    assertEquals(listener, wire(IrToProto.resource(listener)));
  }

  @Test
  void listenerTlsDefaultsRoundTripAsNullAndEmpty() throws Exception {
    ListenerTls tls =
        new ListenerTls(
            SERVER.certPem(), new Secret(SERVER.keyPem()), null, null, null, null, null, null);
    Listener listener = new Listener("l", "bind/1", null, null, ListenerProtocol.HTTPS, tls);
    assertEquals(listener, wire(IrToProto.resource(listener)));
  }

  @Test
  void backendTlsWithOnlyInsecureRoundTrips() throws Exception {
    RoutePolicies policies =
        RoutePolicies.builder()
            .backendTls(new BackendTlsPolicy(null, null, null, null, true, false, null, null))
            .build();
    Policy policy =
        new Policy("p", null, new PolicyTarget(PolicyTarget.Kind.BACKEND, "b", null), policies);
    assertEquals(policy, wire(IrToProto.resource(policy)));
  }

  @Test
  void httpsListenerWithoutTlsIsRejectedNamingTheField() {
    var proto =
        IrToProto.listener(new Listener("l", "bind/1", null, null, ListenerProtocol.HTTP))
            .toBuilder()
            .setProtocol(dev.agentgateway.model.xds.proto.Listener.Protocol.HTTPS)
            .build();
    InvalidResourceException e =
        assertThrows(InvalidResourceException.class, () -> ProtoToIr.listener(proto));
    assertTrue(e.getMessage().contains("tls"), e.getMessage());
  }

  @Test
  void badPemFromXdsIsRejectedNamingTheField() {
    var proto =
        IrToProto.listener(
            new Listener("l", "bind/1", null, null, ListenerProtocol.HTTPS, fullListenerTls()))
            .toBuilder();
    proto.getTlsBuilder().setCertChain(com.google.protobuf.ByteString.copyFromUtf8("garbage"));
    InvalidResourceException e =
        assertThrows(InvalidResourceException.class, () -> ProtoToIr.listener(proto.build()));
    assertTrue(e.getMessage().contains("cert"), e.getMessage());
  }

  @Test
  void minimalListenerKeepsNullHostname() throws Exception {
    Listener listener = new Listener("l", "bind/1", null, null, null);
    assertEquals(listener, wire(IrToProto.resource(listener)));
  }

  @Test
  void fullRouteRoundTripsEveryVariant() throws Exception {
    List<PathMatch> paths =
        List.of(
            new PathMatch.Exact("/a"),
            new PathMatch.Prefix("/api"),
            new PathMatch.Regex("/v[0-9]+/.*"));
    List<ValueMatch> values = List.of(new ValueMatch.Exact("prod"), new ValueMatch.Regex("pr.*"));
    List<AuthorityRewrite> authorities =
        List.of(
            new AuthorityRewrite.Full("h:81"),
            new AuthorityRewrite.Host("h"),
            new AuthorityRewrite.Port(81),
            new AuthorityRewrite.Auto(),
            new AuthorityRewrite.None());
    List<PathRewrite> rewrites = List.of(new PathRewrite.Full("/x"), new PathRewrite.Prefix("/y"));
    for (PathMatch path : paths) {
      for (ValueMatch value : values) {
        for (AuthorityRewrite authority : authorities) {
          for (PathRewrite rewrite : rewrites) {
            Route route =
                fullRoute(path, value, fullPolicies(authority, rewrite, authority, rewrite));
            assertEquals(route, wire(IrToProto.resource(route)));
          }
        }
      }
    }
  }

  @Test
  void minimalRouteRoundTrips() throws Exception {
    Route route = new Route("r", "l", null, null, null, List.of(), List.of(), null, List.of(), 0);
    assertEquals(route, wire(IrToProto.resource(route)));
  }

  @Test
  void policiesWithAllMembersNullRoundTripAsNull() throws Exception {
    Route route =
        new Route(
            "r",
            "l",
            "",
            "",
            "",
            List.of(),
            List.of(RouteMatch.ANY),
            RoutePolicies.NONE,
            List.of(new RouteBackend(UPSTREAM, 1)),
            -1);
    assertEquals(route, wire(IrToProto.resource(route)));
  }

  @Test
  void optionalPolicyFieldsRoundTripAsNull() throws Exception {
    RoutePolicies policies =
        new RoutePolicies(
            new HeaderModifier(List.of(), List.of(), List.of()),
            null,
            new RequestRedirect(null, null, null, null),
            new UrlRewrite(null, null),
            new RequestMirror(UPSTREAM, 0),
            new DirectResponse(200, null),
            new TimeoutPolicy(null, null),
            new RetryPolicy(1, null, Set.of()));
    Policy policy =
        new Policy("p", null, new PolicyTarget(PolicyTarget.Kind.GATEWAY, "gw", null), policies);
    assertEquals(policy, wire(IrToProto.resource(policy)));
  }

  @ParameterizedTest
  @EnumSource(PolicyTarget.Kind.class)
  void fullPolicyRoundTripsForEveryTargetKind(PolicyTarget.Kind kind) throws Exception {
    Policy policy =
        new Policy(
            "traffic/ns/p:timeout:ns/r",
            "p",
            new PolicyTarget(kind, "target", "section-1"),
            fullPolicies(
                new AuthorityRewrite.Auto(),
                new PathRewrite.Prefix("/p"),
                new AuthorityRewrite.None(),
                new PathRewrite.Full("/f")));
    assertEquals(policy, wire(IrToProto.resource(policy)));
  }

  @Test
  void backendRoundTripsAndIsNamedByAuthority() throws Exception {
    Backend backend = new Backend.Host("2001:db8::1", 443);
    assertEquals(backend, wire(IrToProto.resource(backend)));
    assertEquals("backend/[2001:db8::1]:443", XdsResources.name(backend));
  }

  @Test
  void serviceBackendRoundTripsAndIsNamedByServicePort() throws Exception {
    Backend backend = new Backend.Service("shop", "cart", 65535);
    assertEquals(backend, wire(IrToProto.resource(backend)));
    assertEquals("backend/shop/cart:65535", XdsResources.name(backend));
  }

  @Test
  void a2aBackendRoundTripsAndIsNamedByItsUpstream() throws Exception {
    Backend backend = new Backend.A2a(new Backend.Service("agents", "travel", 9999));
    assertEquals(backend, wire(IrToProto.resource(backend)));
    assertEquals("backend/agents/travel:9999", XdsResources.name(backend));
    assertEquals(List.of(new Backend.Service("agents", "travel", 9999)), backend.services());
  }

  @ParameterizedTest
  @EnumSource(Backend.Mcp.PrefixMode.class)
  void mcpBackendRoundTripsEveryTargetKind(Backend.Mcp.PrefixMode prefixMode) throws Exception {
    Backend.Service everything = new Backend.Service("tools", "everything", 3001);
    Backend backend =
        new Backend.Mcp(
            "tools/mcp",
            List.of(
                new McpTarget.Remote(
                    "everything", McpTarget.Transport.STREAMABLE_HTTP, everything, "/mcp"),
                new McpTarget.Remote(
                    "legacy", McpTarget.Transport.SSE, new Backend.Host("10.0.0.7", 8080), "/sse"),
                new McpTarget.Stdio(
                    "time",
                    "uvx",
                    List.of("mcp-server-time", "--local-timezone=UTC"),
                    List.of(new McpTarget.EnvVar("TZ", "UTC"), new McpTarget.EnvVar("EMPTY", "")))),
            prefixMode,
            Backend.Mcp.FailureMode.FAIL_OPEN,
            false);
    assertEquals(backend, wire(IrToProto.resource(backend)));
    assertEquals(List.of(everything), backend.services());
  }

  @Test
  void openApiTargetsAndDnsRebindingProtectionRoundTrip() throws Exception {
    Backend.Service petstore = new Backend.Service("apis", "petstore", 8080);
    String schema = "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\"},\"paths\":{}}";
    Backend backend =
        new Backend.Mcp(
            "apis/mcp",
            List.of(
                new McpTarget.OpenApi("pets", schema, petstore, "/api/v3"),
                new McpTarget.OpenApi("local", schema, new Backend.Host("localhost", 8081), null)),
            Backend.Mcp.PrefixMode.ALWAYS,
            Backend.Mcp.FailureMode.FAIL_CLOSED,
            true,
            true);
    assertEquals(backend, wire(IrToProto.resource(backend)));
    assertEquals(List.of(petstore), backend.services());
  }

  @Test
  void mcpBackendDefaultsEncodeAsZeroValues() throws Exception {
    Backend.Mcp backend =
        new Backend.Mcp(
            "m",
            List.of(new McpTarget.Stdio("t", "server", List.of(), List.of())),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            Backend.Mcp.FailureMode.FAIL_CLOSED,
            true);
    assertEquals(backend, wire(IrToProto.resource(backend)));
    // Defaults cost no bytes: a proxy that never heard of a mode still reads them right.
    assertEquals(
        dev.agentgateway.model.xds.proto.Backend.Mcp.newBuilder()
            .setName("m")
            .addTargets(IrToProto.backend(backend).getMcp().getTargets(0))
            .build(),
        IrToProto.backend(backend).getMcp());
  }

  @Test
  void aiBackendRoundTripsEveryProviderInPriorityGroups() throws Exception {
    Backend.Service gateway = new Backend.Service("llm", "local-proxy", 8080);
    Backend backend =
        new Backend.Ai(
            "llm/models",
            List.of(
                List.of(
                    new AiProvider(
                        "openai", new AiProvider.OpenAi("gpt-4o-mini"), null, null, null),
                    new AiProvider(
                        "claude",
                        new AiProvider.Anthropic(null),
                        new Backend.Host("anthropic.internal", 443),
                        null,
                        "/anthropic/v1")),
                List.of(
                    new AiProvider(
                        "gemini", new AiProvider.Gemini("gemini-2.5-flash"), null, null, null),
                    new AiProvider(
                        "vertex",
                        new AiProvider.Vertex(null, "my-project", "us-central1"),
                        null,
                        null,
                        null),
                    new AiProvider(
                        "bedrock",
                        new AiProvider.Bedrock("anthropic.claude-3-haiku", "eu-west-1"),
                        null,
                        null,
                        null),
                    new AiProvider(
                        "azure",
                        new AiProvider.Azure(
                            "gpt-4o",
                            "res",
                            AiProvider.AzureResourceType.OPENAI,
                            "2024-10-21",
                            null),
                        null,
                        null,
                        null),
                    new AiProvider(
                        "foundry",
                        new AiProvider.Azure(
                            null, "res", AiProvider.AzureResourceType.FOUNDRY, null, "proj"),
                        gateway,
                        "/v1/chat/completions",
                        null))));
    assertEquals(backend, wire(IrToProto.resource(backend)));
    assertEquals("backend/llm/models", XdsResources.name(backend));
    assertEquals(List.of(gateway), backend.services());
  }

  @Test
  void serviceEndpointsRoundTripInOrder() throws Exception {
    ServiceEndpoints endpoints =
        new ServiceEndpoints(
            "shop",
            "cart",
            80,
            List.of(
                new ServiceEndpoints.Endpoint("10.0.0.7", 8080),
                new ServiceEndpoints.Endpoint("fd00::2", 1),
                new ServiceEndpoints.Endpoint("pod-3.cart.shop.svc", 65535)));
    assertEquals(endpoints, wire(IrToProto.resource(endpoints)));
    assertEquals("endpoints/shop/cart:80", XdsResources.name(endpoints));
  }

  @Test
  void serviceWithNoReadyEndpointsRoundTripsEmpty() throws Exception {
    ServiceEndpoints none = new ServiceEndpoints("shop", "cart", 80, List.of());
    assertEquals(none, wire(IrToProto.resource(none)));
  }

  @Test
  void resourceNamesCarryTheKind() {
    assertEquals("bind/b", XdsResources.name(new Bind("b", 1)));
    assertEquals("listener/l", XdsResources.name(new Listener("l", "b", "", null, null)));
    assertEquals(
        "route/r",
        XdsResources.name(
            new Route("r", "l", "", "", "", List.of(), List.of(), null, List.of(), 0)));
    assertEquals(
        "policy/p",
        XdsResources.name(
            new Policy(
                "p",
                "",
                new PolicyTarget(PolicyTarget.Kind.ROUTE, "r", null),
                RoutePolicies.NONE)));
  }

  @Test
  void equalRetryPoliciesEncodeToEqualBytes() {
    RetryPolicy a = new RetryPolicy(2, null, Set.of(500, 502, 503, 504));
    RetryPolicy b = new RetryPolicy(2, null, Set.of(504, 503, 502, 500));
    RoutePolicies pa = new RoutePolicies(null, null, null, null, null, null, null, a);
    RoutePolicies pb = new RoutePolicies(null, null, null, null, null, null, null, b);
    assertEquals(IrToProto.policies(pa).toByteString(), IrToProto.policies(pb).toByteString());
  }
}
