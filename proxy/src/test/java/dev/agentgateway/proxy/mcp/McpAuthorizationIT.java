package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthenticationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ServerEverything;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jwtAuth and mcpAuthorization on an MCP route, as upstream's example writes them: echo for anyone,
 * get-sum only for {@code jwt.sub == "alice"}. A tool denied to a caller is absent from their list
 * and refused on call; another caller sees and calls it. A second route puts the same rules behind
 * mcpAuthentication: the OAuth resource-server challenge and its RFC 9728 metadata.
 */
class McpAuthorizationIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String ISSUER = "https://issuer.test";
  private static RSAKey key;
  private static ProxyFixture proxy;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    String jwks = new JWKSet(key.toPublicJWK()).toString();
    McpAuthorizationPolicy rules =
        new McpAuthorizationPolicy(
            List.of(
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.ALLOW, "mcp.tool.name == \"echo\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.ALLOW,
                    "jwt.sub == \"alice\" && mcp.tool.name == \"get-sum\"")));
    RoutePolicies jwtAuth =
        RoutePolicies.builder()
            .jwtAuth(
                new JwtAuthPolicy(
                    JwtAuthPolicy.Mode.STRICT,
                    List.of(
                        new JwtAuthPolicy.Provider(
                            ISSUER, List.of("mcp"), new JwtAuthPolicy.Jwks.Inline(jwks)))))
            .mcpAuthorization(rules)
            .build();
    RoutePolicies mcpAuthentication =
        RoutePolicies.builder()
            .mcpAuthorization(rules)
            .mcpAuthentication(
                new McpAuthenticationPolicy(
                    ISSUER,
                    List.of("mcp"),
                    new JwtAuthPolicy.Jwks.Inline(jwks),
                    JwtAuthPolicy.Mode.STRICT,
                    null,
                    "{\"scopesSupported\":[\"tools\"]}"))
            .build();
    Backend.Mcp backend =
        new Backend.Mcp(
            "tools",
            List.of(ServerEverything.stdioTarget("everything")),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            Backend.Mcp.FailureMode.FAIL_CLOSED,
            true);
    proxy =
        ProxyFixture.start(
            TestConfigs.route(
                "mcp",
                TestConfigs.prefix("/mcp"),
                jwtAuth,
                List.of(new RouteBackend(backend, 1)),
                0),
            TestConfigs.route(
                "oauth",
                TestConfigs.prefix("/oauth/mcp"),
                mcpAuthentication,
                List.of(new RouteBackend(backend, 1)),
                1));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
  }

  private static String token(String subject) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("mcp")
                .subject(subject)
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static HttpResponse<String> post(String token, String session, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(proxy.url("/mcp")))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String session(String token) throws Exception {
    HttpResponse<String> init =
        post(
            token,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertEquals(200, init.statusCode(), init.body());
    String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(token, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return id;
  }

  private static String call(String token, String session, String tool) throws Exception {
    return post(
            token,
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":{\"a\":2,\"b\":3,\"message\":\"x\"}}}")
        .body();
  }

  @Test
  void aToolDeniedToOneSubjectIsHiddenAndRefusedButNotForAnother() throws Exception {
    String bob = token("bob");
    String bobSession = session(bob);
    String bobTools =
        post(bob, bobSession, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").body();
    assertTrue(bobTools.contains("\"echo\""), bobTools);
    assertFalse(bobTools.contains("\"get-sum\""), "bob does not see get-sum: " + bobTools);
    assertTrue(call(bob, bobSession, "echo").contains("Echo: x"));
    String refused = call(bob, bobSession, "get-sum");
    assertTrue(refused.contains("-32602") && refused.contains("get-sum"), refused);

    String alice = token("alice");
    String aliceSession = session(alice);
    String aliceTools =
        post(alice, aliceSession, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
            .body();
    assertTrue(aliceTools.contains("\"get-sum\""), aliceTools);
    assertTrue(call(alice, aliceSession, "get-sum").contains("The sum of 2 and 3 is 5"));

    // The log follows each session by a fingerprint; the id itself (a credential) never shows.
    List<String> sessionFields =
        proxy.logs().stream()
            .flatMap(l -> l.fields().stream())
            .filter(f -> f.key().equals("mcp.session.id"))
            .map(f -> f.value().toString())
            .distinct()
            .toList();
    for (String session : List.of(bobSession, aliceSession)) {
      String fingerprint =
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(session.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                  0,
                  8);
      assertTrue(sessionFields.contains(fingerprint), fingerprint + " in " + sessionFields);
    }
    String everything = proxy.logs().toString();
    assertFalse(everything.contains(bobSession) || everything.contains(aliceSession));
  }

  @Test
  void aMissingOrForgedTokenIsRefusedWith401() throws Exception {
    HttpResponse<String> none =
        post(null, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));

    RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
            new JWTClaimsSet.Builder().issuer(ISSUER).audience("mcp").subject("alice").build());
    forged.sign(new RSASSASigner(other));
    HttpResponse<String> bad =
        post(forged.serialize(), null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertEquals(401, bad.statusCode());
    assertFalse(bad.body().contains(forged.serialize()), "the token never comes back");
  }

  @Test
  void mcpAuthenticationChallengesWithTheMetadataUrlOfTheEndpoint() throws Exception {
    HttpResponse<String> none =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(proxy.url("/oauth/mcp")))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, none.statusCode());
    String metadataUrl = proxy.url("/.well-known/oauth-protected-resource/oauth/mcp");
    assertEquals(
        "Bearer resource_metadata=\"" + metadataUrl + "\"",
        none.headers().firstValue("WWW-Authenticate").orElse(""));

    HttpResponse<String> metadata =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(metadataUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metadata.statusCode(), metadata.body());
    JsonNode doc = new ObjectMapper().readTree(metadata.body());
    assertEquals(proxy.url("/oauth/mcp"), doc.path("resource").asText());
    assertEquals(ISSUER, doc.path("authorization_servers").get(0).asText());
    assertEquals("tools", doc.path("scopes_supported").get(0).asText());

    HttpResponse<String> otherPath =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(proxy.url("/.well-known/oauth-protected-resource/mcp")))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        404,
        otherPath.statusCode(),
        "the jwtAuth route has no mcpAuthentication, so it publishes no metadata");
  }

  @Test
  void mcpAuthenticationClaimsDriveAuthorizationForTheJavaSdkClient() throws Exception {
    for (String subject : List.of("bob", "alice")) {
      HttpRequest.Builder withToken =
          HttpRequest.newBuilder().header("Authorization", "Bearer " + token(subject));
      try (McpSyncClient client =
          McpClient.sync(
                  HttpClientStreamableHttpTransport.builder(proxy.url(""))
                      .endpoint("/oauth/mcp")
                      .requestBuilder(withToken)
                      .build())
              .requestTimeout(Duration.ofSeconds(30))
              .build()) {
        client.initialize();
        List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertTrue(tools.contains("echo"), tools.toString());
        assertEquals(subject.equals("alice"), tools.contains("get-sum"), subject + ": " + tools);
      }
    }
  }
}
