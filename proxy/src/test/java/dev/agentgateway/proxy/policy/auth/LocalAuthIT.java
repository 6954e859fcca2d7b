package dev.agentgateway.proxy.policy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** basicAuth, apiKey, authorization and csrf through a real proxy in front of a real upstream. */
class LocalAuthIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String BCRYPT_ABC =
      "$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";
  private static final String APR1_HUNTER2 = "$apr1$Zz9.Q/$re1Kb2gitKS2h/Fyxyr040";
  private static final String SHA_HUNTER2 = "{SHA}87u9ZqY9S/F0eUBXjsPQEDUw4h0=";
  // sha256("k-123")
  private static final String K123_SHA256 =
      "3605a9e4358da4302f8acea41f0f52cef85d0e3f727c7b020fc7305aec8d56b4";
  private static WebServer upstream;
  private static ProxyFixture proxy;

  private static BasicAuthPolicy users(BasicAuthPolicy.Mode mode) {
    return new BasicAuthPolicy(
        List.of(
            new BasicAuthPolicy.User("alice", new Secret(BCRYPT_ABC)),
            new BasicAuthPolicy.User("bob", new Secret(APR1_HUNTER2)),
            new BasicAuthPolicy.User("carol", new Secret(SHA_HUNTER2))),
        "agw",
        mode,
        CredentialLocation.BASIC);
  }

  private static ApiKeyAuthPolicy keys(ApiKeyAuthPolicy.Mode mode, CredentialLocation location) {
    return new ApiKeyAuthPolicy(
        mode,
        List.of(
            new ApiKeyAuthPolicy.Key(
                new Secret("k-alice"), null, "{\"name\":\"alice\",\"group\":\"admin\"}"),
            new ApiKeyAuthPolicy.Key(null, K123_SHA256, "{\"name\":\"svc\",\"group\":\"users\"}")),
        location);
  }

  private static AuthorizationPolicy rules(String... allow) {
    return new AuthorizationPolicy(
        java.util.Arrays.stream(allow)
            .map(e -> new McpAuthorizationPolicy.Rule(McpAuthorizationPolicy.Kind.ALLOW, e))
            .toList());
  }

  @BeforeAll
  static void start() {
    upstream =
        WebServer.builder()
            .port(0)
            .routing(r -> r.any((req, res) -> res.send("upstream")))
            .build()
            .start();
    var backend = ProxyFixture.local(upstream.port());
    proxy =
        ProxyFixture.start(
            ProxyFixture.route(
                "basic-strict",
                "/basic-strict",
                RoutePolicies.builder().basicAuth(users(BasicAuthPolicy.Mode.STRICT)).build(),
                backend),
            ProxyFixture.route(
                "basic-optional",
                "/basic-optional",
                RoutePolicies.builder().basicAuth(users(BasicAuthPolicy.Mode.OPTIONAL)).build(),
                backend),
            ProxyFixture.route(
                "key-strict",
                "/key-strict",
                RoutePolicies.builder()
                    .apiKey(
                        keys(
                            ApiKeyAuthPolicy.Mode.STRICT,
                            new CredentialLocation.Header("x-api-key", null)))
                    .build(),
                backend),
            ProxyFixture.route(
                "key-optional",
                "/key-optional",
                RoutePolicies.builder()
                    .apiKey(keys(ApiKeyAuthPolicy.Mode.OPTIONAL, CredentialLocation.BEARER))
                    .build(),
                backend),
            ProxyFixture.route(
                "key-permissive",
                "/key-permissive",
                RoutePolicies.builder()
                    .apiKey(
                        keys(
                            ApiKeyAuthPolicy.Mode.PERMISSIVE,
                            new CredentialLocation.QueryParameter("api_key")))
                    // Permissive lets anyone in: the rules decide with what the key said.
                    .authorization(rules("apiKey.group == \"admin\""))
                    .build(),
                backend),
            ProxyFixture.route(
                "key-cookie",
                "/key-cookie",
                RoutePolicies.builder()
                    .apiKey(
                        keys(ApiKeyAuthPolicy.Mode.STRICT, new CredentialLocation.Cookie("agw")))
                    .build(),
                backend),
            ProxyFixture.route(
                "authz",
                "/authz",
                RoutePolicies.builder()
                    .basicAuth(users(BasicAuthPolicy.Mode.OPTIONAL))
                    .authorization(
                        new AuthorizationPolicy(
                            List.of(
                                new McpAuthorizationPolicy.Rule(
                                    McpAuthorizationPolicy.Kind.ALLOW,
                                    "basicAuth.username == \"alice\""),
                                new McpAuthorizationPolicy.Rule(
                                    McpAuthorizationPolicy.Kind.ALLOW,
                                    "request.path == \"/authz/public\""),
                                new McpAuthorizationPolicy.Rule(
                                    McpAuthorizationPolicy.Kind.DENY,
                                    "request.headers[\"x-block\"] == \"yes\""))))
                    .build(),
                backend),
            ProxyFixture.route(
                "broken",
                "/broken",
                RoutePolicies.builder().authorization(rules("request.path ==")).build(),
                backend),
            ProxyFixture.route(
                "csrf",
                "/csrf",
                RoutePolicies.builder()
                    .csrf(new CsrfPolicy(List.of("https://trusted.example")))
                    .build(),
                backend));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.stop();
    }
  }

  private static HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(proxy.url(path)))
            .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
    headers.forEach(b::header);
    HttpResponse<String> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return response;
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers)
      throws Exception {
    return send("GET", path, headers);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void strictBasicAuthChallengesWithTheRealmAndAcceptsEveryHashScheme() throws Exception {
    HttpResponse<String> none = get("/basic-strict", Map.of());
    assertEquals(401, none.statusCode());
    assertEquals("Basic realm=\"agw\"", none.headers().firstValue("www-authenticate").orElse(null));
    assertEquals(
        401, get("/basic-strict", Map.of("Authorization", basic("bob", "wrong"))).statusCode());
    assertEquals(
        401, get("/basic-strict", Map.of("Authorization", basic("mallory", "abc"))).statusCode());
    assertEquals(
        401, get("/basic-strict", Map.of("Authorization", "Basic !!notbase64")).statusCode());
    assertEquals(
        200, get("/basic-strict", Map.of("Authorization", basic("alice", "abc"))).statusCode());
    assertEquals(
        200, get("/basic-strict", Map.of("Authorization", basic("bob", "hunter2"))).statusCode());
    HttpResponse<String> carol =
        get(
            "/basic-strict",
            Map.of("Authorization", "basic  " + basic("carol", "hunter2").substring(6)));
    assertEquals(200, carol.statusCode());
    assertEquals("upstream", carol.body());
  }

  @Test
  void optionalBasicAuthLetsAnonymousInButNotBadPasswords() throws Exception {
    assertEquals(200, get("/basic-optional", Map.of()).statusCode());
    assertEquals(
        200, get("/basic-optional", Map.of("Authorization", "Bearer some-token")).statusCode());
    HttpResponse<String> bad =
        get("/basic-optional", Map.of("Authorization", basic("alice", "nope")));
    assertEquals(401, bad.statusCode());
    assertEquals("basic auth: invalid credentials", bad.body());
  }

  @Test
  void strictApiKeyNeedsAKnownKeyAndLogsItsName() throws Exception {
    HttpResponse<String> missing = get("/key-strict", Map.of());
    assertEquals(401, missing.statusCode());
    assertEquals("api key: missing", missing.body());
    assertEquals(401, get("/key-strict", Map.of("X-Api-Key", "k-bob")).statusCode());
    assertEquals(401, get("/key-strict", Map.of("X-Api-Key", "k".repeat(5000))).statusCode());
    assertEquals(200, get("/key-strict", Map.of("X-Api-Key", "k-123")).statusCode());
    assertEquals(200, get("/key-strict", Map.of("X-Api-Key", "k-alice")).statusCode());
    RequestLog log = lastLogFor("/key-strict", 200);
    assertTrue(log.fields().contains(new RequestLog.Field("agw.api_key.name", "alice")));
    assertFalse(log.toString().contains("k-alice"), "the key never reaches the log");
  }

  @Test
  void optionalApiKeyReadsABearerTokenAndRefusesUnknownOnes() throws Exception {
    assertEquals(200, get("/key-optional", Map.of()).statusCode());
    assertEquals(200, get("/key-optional", Map.of("Authorization", "Bearer k-alice")).statusCode());
    assertEquals(401, get("/key-optional", Map.of("Authorization", "Bearer k-nope")).statusCode());
  }

  @Test
  void permissiveApiKeyNeverRefusesButOnlyAKnownKeyGivesMetadataToRules() throws Exception {
    assertEquals(200, get("/key-permissive?api_key=k-alice", Map.of()).statusCode());
    HttpResponse<String> users = get("/key-permissive?api_key=k-123", Map.of());
    assertEquals(403, users.statusCode());
    assertEquals("authorization: denied", users.body());
    assertEquals(403, get("/key-permissive?api_key=wrong", Map.of()).statusCode());
  }

  @Test
  void apiKeyFromACookie() throws Exception {
    assertEquals(401, get("/key-cookie", Map.of("Cookie", "other=k-alice")).statusCode());
    assertEquals(200, get("/key-cookie", Map.of("Cookie", "x=1; agw=k-alice")).statusCode());
  }

  @Test
  void authorizationRulesSeeTheBasicAuthUserAndTheRequest() throws Exception {
    assertEquals(403, get("/authz/private", Map.of()).statusCode());
    assertEquals(200, get("/authz/public", Map.of()).statusCode());
    assertEquals(
        403, get("/authz/private", Map.of("Authorization", basic("bob", "hunter2"))).statusCode());
    assertEquals(
        200, get("/authz/private", Map.of("Authorization", basic("alice", "abc"))).statusCode());
    assertEquals(
        403,
        get("/authz/private", Map.of("Authorization", basic("alice", "abc"), "X-Block", "yes"))
            .statusCode());
    // Authentication runs before authorization: a bad password is 401, not 403.
    assertEquals(
        401, get("/authz/public", Map.of("Authorization", basic("alice", "x"))).statusCode());
  }

  @Test
  void rulesThatDoNotCompileFailClosed() throws Exception {
    HttpResponse<String> r = get("/broken", Map.of());
    assertEquals(500, r.statusCode());
    assertTrue(r.body().startsWith("route policy not usable: authorization.rules[0].allow"));
  }

  @Test
  void csrfRefusesCrossOriginStateChangesOnly() throws Exception {
    String self = "http://127.0.0.1:" + proxy.port();
    assertEquals(403, send("POST", "/csrf", Map.of("Origin", "https://evil.example")).statusCode());
    assertEquals(
        403, send("DELETE", "/csrf", Map.of("Referer", "https://evil.example/page")).statusCode());
    assertEquals(403, send("PUT", "/csrf", Map.of("Origin", "null")).statusCode());
    assertEquals(200, send("GET", "/csrf", Map.of("Origin", "https://evil.example")).statusCode());
    assertEquals(200, send("POST", "/csrf", Map.of("Origin", self)).statusCode());
    assertEquals(200, send("POST", "/csrf", Map.of("Referer", self + "/form")).statusCode());
    assertEquals(
        200, send("POST", "/csrf", Map.of("Origin", "https://TRUSTED.example")).statusCode());
    assertEquals(200, send("POST", "/csrf", Map.of()).statusCode());
    assertEquals(
        200,
        send(
                "POST",
                "/csrf",
                Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "same-origin"))
            .statusCode());
  }

  private static RequestLog lastLogFor(String path, int status) {
    List<RequestLog> logs = proxy.logs();
    for (int i = logs.size() - 1; i >= 0; i--) {
      RequestLog log = logs.get(i);
      if (log.path().equals(path) && log.status() == status) {
        return log;
      }
    }
    throw new AssertionError("no log for " + path + " " + status);
  }
}
