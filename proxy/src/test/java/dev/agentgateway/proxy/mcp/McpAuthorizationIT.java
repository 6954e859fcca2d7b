package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ServerEverything;
import dev.agentgateway.proxy.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jwtAuth and mcpAuthorization on an MCP route, as upstream's example writes them: echo for anyone,
 * get-sum only for {@code jwt.sub == "alice"}. A tool denied to a caller is absent from their list
 * and refused on call; another caller sees and calls it.
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
    RoutePolicies policies =
        new RoutePolicies(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new JwtAuthPolicy(
                JwtAuthPolicy.Mode.STRICT,
                List.of(
                    new JwtAuthPolicy.Provider(
                        ISSUER, List.of("mcp"), new JwtAuthPolicy.Jwks.Inline(jwks)))),
            new McpAuthorizationPolicy(
                List.of(
                    new McpAuthorizationPolicy.Rule(
                        McpAuthorizationPolicy.Kind.ALLOW, "mcp.tool.name == \"echo\""),
                    new McpAuthorizationPolicy.Rule(
                        McpAuthorizationPolicy.Kind.ALLOW,
                        "jwt.sub == \"alice\" && mcp.tool.name == \"get-sum\""))));
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
                TestConfigs.prefix("/"),
                policies,
                List.of(new RouteBackend(backend, 1)),
                0));
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
}
