package dev.agentgateway.proxy.mcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.proxy.policy.jwt.JwksSettings;
import dev.agentgateway.proxy.policy.jwt.JwksSource;
import dev.agentgateway.proxy.policy.jwt.JwtMode;
import dev.agentgateway.proxy.policy.jwt.JwtOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class McpAuthenticationTest {
  private static final String ISSUER = "https://auth.example/realms/mcp";
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ECKey key;

  @BeforeAll
  static void key() throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
  }

  private static McpAuthentication auth(JwtMode mode, Map<String, Object> metadata, String prefix)
      throws Exception {
    McpAuthenticationConfig config =
        new McpAuthenticationConfig(
            ISSUER,
            List.of("https://gw.example/mcp"),
            new JwksSource.Inline("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}"),
            mode,
            null,
            metadata);
    return McpAuthentication.create(config, prefix, null, JwksSettings.DEFAULT, CLOCK);
  }

  private static McpAuthentication strict() throws Exception {
    return auth(JwtMode.STRICT, Map.of(), "");
  }

  private static String token(String subject) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .audience("https://gw.example/mcp")
            .expirationTime(Date.from(NOW.plusSeconds(600)))
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static AuthRequest request(String method, String path, String... headerPairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("gw.example:3000"));
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers
          .computeIfAbsent(headerPairs[i], k -> new java.util.ArrayList<>())
          .add(headerPairs[i + 1]);
    }
    return new AuthRequest(method, "http", path, headers);
  }

  private static AuthResponse respond(AuthDecision decision) {
    return assertInstanceOf(AuthDecision.Respond.class, decision).response();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) throws Exception {
    return JSON.readValue(body, Map.class);
  }

  @Test
  void aMissingTokenGets401PointingAtTheResourceMetadata() throws Exception {
    AuthResponse response = respond(strict().decide(request("POST", "/mcp")));
    assertEquals(401, response.status());
    assertEquals(
        "Bearer resource_metadata=\"http://gw.example:3000/.well-known/oauth-protected-resource/mcp\"",
        response.headers().get("WWW-Authenticate"));
    assertEquals("missing bearer token", json(response.body()).get("error_description"));
  }

  @Test
  void anInvalidTokenGets401WithInvalidTokenAndNoTokenInTheAnswer() throws Exception {
    String forged = token("alice").replace(".", ".x");
    AuthResponse response =
        respond(strict().decide(request("POST", "/mcp", "Authorization", "Bearer " + forged)));
    assertEquals(401, response.status());
    assertEquals(
        "Bearer resource_metadata=\"http://gw.example:3000/.well-known/oauth-protected-resource/mcp\","
            + " error=\"invalid_token\"",
        response.headers().get("WWW-Authenticate"));
    assertEquals("invalid_token", json(response.body()).get("error"));
    for (String part : forged.split("\\.")) {
      assertFalse(response.body().contains(part), response.body());
    }
  }

  @Test
  void aValidTokenProceedsWithItsClaims() throws Exception {
    AuthDecision decision =
        strict().decide(request("POST", "/mcp", "authorization", "bearer " + token("alice")));
    JwtOutcome identity = assertInstanceOf(AuthDecision.Proceed.class, decision).identity();
    JwtOutcome.Authenticated ok = assertInstanceOf(JwtOutcome.Authenticated.class, identity);
    assertEquals("alice", ok.subject());
    assertEquals(ISSUER, ok.claims().get("iss"));
  }

  @Test
  void honoursForwardedProtoAndHost() throws Exception {
    AuthResponse response =
        respond(
            strict()
                .decide(
                    request(
                        "GET",
                        "/mcp",
                        "X-Forwarded-Proto",
                        "HTTPS, http",
                        "X-Forwarded-Host",
                        "public.example, internal:8080")));
    assertEquals(
        "Bearer resource_metadata=\"https://public.example/.well-known/oauth-protected-resource/mcp\"",
        response.headers().get("WWW-Authenticate"));
    AuthResponse bogusProto =
        respond(strict().decide(request("GET", "/mcp", "X-Forwarded-Proto", "javascript")));
    assertTrue(
        bogusProto.headers().get("WWW-Authenticate").contains("\"http://gw.example:3000/"),
        "an unknown forwarded scheme is ignored");
  }

  @Test
  void addsThePublishedPathPrefixAndEncodesOddPaths() throws Exception {
    AuthResponse response =
        respond(auth(JwtMode.STRICT, Map.of(), "/gateway").decide(request("POST", "/a b\"c?x=1")));
    assertEquals(
        "Bearer resource_metadata=\"http://gw.example:3000/gateway/.well-known/oauth-protected-resource/a%20b%22c\"",
        response.headers().get("WWW-Authenticate"));
    assertThrows(IllegalArgumentException.class, () -> auth(JwtMode.STRICT, Map.of(), "gateway/"));
  }

  @Test
  void theRootPathAddsNoSuffix() throws Exception {
    AuthResponse response = respond(strict().decide(request("POST", "/")));
    assertEquals(
        "Bearer resource_metadata=\"http://gw.example:3000/.well-known/oauth-protected-resource\"",
        response.headers().get("WWW-Authenticate"));
  }

  @Test
  void refusesAHostThatCannotBeInAUrl() throws Exception {
    Map<String, List<String>> headers = Map.of("Host", List.of("evil\".example"));
    AuthResponse response =
        respond(strict().decide(new AuthRequest("POST", "http", "/mcp", headers)));
    assertEquals(400, response.status());
    AuthResponse none = respond(strict().decide(new AuthRequest("POST", "http", "/mcp", Map.of())));
    assertEquals(400, none.status());
  }

  @Test
  void optionalPassesWithoutATokenButChallengesAnInvalidOne() throws Exception {
    McpAuthentication auth = auth(JwtMode.OPTIONAL, Map.of(), "");
    AuthDecision anonymous = auth.decide(request("POST", "/mcp"));
    assertSame(
        JwtOutcome.Anonymous.INSTANCE,
        assertInstanceOf(AuthDecision.Proceed.class, anonymous).identity());
    assertEquals(
        401,
        respond(auth.decide(request("POST", "/mcp", "Authorization", "Bearer junk"))).status());
  }

  @Test
  void permissiveNeverChallenges() throws Exception {
    McpAuthentication auth = auth(JwtMode.PERMISSIVE, Map.of(), "");
    AuthDecision decision = auth.decide(request("POST", "/mcp", "Authorization", "Bearer junk"));
    assertSame(
        JwtOutcome.Anonymous.INSTANCE,
        assertInstanceOf(AuthDecision.Proceed.class, decision).identity());
  }

  @Test
  void servesTheProtectedResourceMetadataWithoutAToken() throws Exception {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("scopesSupported", List.of("mcp:tools", "mcp:resources"));
    metadata.put("resourceDocumentation", "https://docs.example/mcp");
    metadata.put("resource_name", "Tools");
    AuthResponse response =
        respond(
            auth(JwtMode.STRICT, metadata, "")
                .decide(request("GET", "/.well-known/oauth-protected-resource/mcp")));
    assertEquals(200, response.status());
    assertEquals("application/json", response.headers().get("Content-Type"));
    assertEquals("*", response.headers().get("Access-Control-Allow-Origin"));
    Map<String, Object> doc = json(response.body());
    assertEquals("http://gw.example:3000/mcp", doc.get("resource"));
    assertEquals(List.of(ISSUER), doc.get("authorization_servers"));
    assertEquals(List.of("header"), doc.get("bearer_methods_supported"));
    assertEquals(List.of("mcp:tools", "mcp:resources"), doc.get("scopes_supported"));
    assertEquals("https://docs.example/mcp", doc.get("resource_documentation"));
    assertEquals("Tools", doc.get("resource_name"));
    assertFalse(doc.containsKey("scopesSupported"));
  }

  @Test
  void theMetadataFollowsForwardedHeadersAndTheRootResource() throws Exception {
    AuthResponse response =
        respond(
            auth(JwtMode.STRICT, Map.of(), "/gw")
                .decide(
                    request(
                        "GET",
                        "/.well-known/oauth-protected-resource",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "public.example")));
    assertEquals("https://public.example/gw", json(response.body()).get("resource"));
  }

  @Test
  void configuredResourceMetadataOverridesTheDerivedFields() throws Exception {
    AuthResponse response =
        respond(
            auth(JwtMode.STRICT, Map.of("resource", "https://canonical.example/mcp"), "")
                .decide(request("GET", "/.well-known/oauth-protected-resource/mcp")));
    assertEquals("https://canonical.example/mcp", json(response.body()).get("resource"));
  }

  @Test
  void answersPreflightAndHeadAndRefusesOtherMethodsOnTheMetadataPath() throws Exception {
    McpAuthentication auth = strict();
    AuthResponse options =
        respond(auth.decide(request("OPTIONS", "/.well-known/oauth-protected-resource/mcp")));
    assertEquals(204, options.status());
    assertEquals("*", options.headers().get("Access-Control-Allow-Origin"));
    assertEquals("GET, HEAD, OPTIONS", options.headers().get("Access-Control-Allow-Methods"));
    AuthResponse head =
        respond(auth.decide(request("HEAD", "/.well-known/oauth-protected-resource")));
    assertEquals(200, head.status());
    assertEquals("", head.body());
    AuthResponse post =
        respond(auth.decide(request("POST", "/.well-known/oauth-protected-resource")));
    assertEquals(405, post.status());
    assertEquals("GET, HEAD, OPTIONS", post.headers().get("Allow"));
  }

  @Test
  void onlyTheWellKnownPathAndItsSubpathsAreMetadata() {
    assertTrue(McpAuthentication.isMetadataPath("/.well-known/oauth-protected-resource"));
    assertTrue(McpAuthentication.isMetadataPath("/.well-known/oauth-protected-resource/mcp"));
    assertFalse(McpAuthentication.isMetadataPath("/.well-known/oauth-protected-resourcex"));
    assertFalse(McpAuthentication.isMetadataPath("/mcp/.well-known/oauth-protected-resource"));
  }

  @Test
  void aBadKeySetIsAConfigErrorOnTheJwksField() {
    McpAuthenticationConfig config =
        new McpAuthenticationConfig(
            ISSUER, List.of(), new JwksSource.Inline("nope"), null, null, null);
    assertEquals(JwtMode.STRICT, config.mode());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> McpAuthentication.create(config, "", null, JwksSettings.DEFAULT, CLOCK));
    assertEquals("jwks", e.errors().get(0).path());
  }

  @Test
  void snakeCasesConfiguredKeys() {
    assertEquals("scopes_supported", McpAuthentication.snakeCase("scopesSupported"));
    assertEquals("resource_policy_uri", McpAuthentication.snakeCase("resourcePolicyUri"));
    assertEquals("resource_name", McpAuthentication.snakeCase("resource_name"));
  }
}
