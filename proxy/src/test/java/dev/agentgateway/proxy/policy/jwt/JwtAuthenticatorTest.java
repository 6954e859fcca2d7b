package dev.agentgateway.proxy.policy.jwt;

import static dev.agentgateway.proxy.policy.jwt.Tokens.ISSUER;
import static dev.agentgateway.proxy.policy.jwt.Tokens.NOW;
import static dev.agentgateway.proxy.policy.jwt.Tokens.claims;
import static dev.agentgateway.proxy.policy.jwt.Tokens.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.agentgateway.model.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {
  private static final RSAKey rsa = Tokens.RSA_A;
  private static final ECKey ec = Tokens.EC;
  // The same kid as the trusted key, other key material: a forgery attempt.
  private static final RSAKey stranger =
      new RSAKey.Builder(Tokens.RSA_B).keyID(Tokens.RSA_A.getKeyID()).build();

  private final MutableClock clock = new MutableClock(NOW);

  private JwtAuthenticator authenticator(JwtMode mode, List<String> audiences) throws Exception {
    return authenticator(mode, audiences, null);
  }

  private JwtAuthenticator authenticator(
      JwtMode mode, List<String> audiences, JwtValidationOptions options) throws Exception {
    String jwks = new JWKSet(List.<JWK>of(rsa, ec)).toPublicJWKSet().toString();
    JwtProviderConfig provider =
        new JwtProviderConfig(ISSUER, audiences, new JwksSource.Inline(jwks), options);
    return JwtAuthenticator.create(
        new JwtAuthConfig(mode, List.of(provider)), null, JwksSettings.DEFAULT, clock);
  }

  private static List<String> bearer(String token) {
    return List.of("Bearer " + token);
  }

  private static String reason(JwtOutcome outcome) {
    return assertInstanceOf(JwtOutcome.Rejected.class, outcome).reason();
  }

  @Test
  void acceptsAValidRs256TokenWithItsClaims() throws Exception {
    JWTClaimsSet claims =
        claims()
            .claim("nested", Map.of("team", "blue", "levels", List.of(1, 2)))
            .claim("groups", List.of("admins", "devs"))
            .build();
    JwtOutcome outcome =
        authenticator(JwtMode.STRICT, List.of("mcp")).authenticate(bearer(rs256(rsa, claims)));
    JwtOutcome.Authenticated ok = assertInstanceOf(JwtOutcome.Authenticated.class, outcome);
    assertEquals("alice", ok.subject());
    assertEquals(ISSUER, ok.issuer());
    assertEquals(List.of("admins", "devs"), ok.claims().get("groups"));
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) ok.claims().get("nested");
    assertEquals("blue", nested.get("team"));
    assertEquals(List.of(1L, 2L), nested.get("levels"));
    assertEquals(NOW.plusSeconds(3600).getEpochSecond(), ok.claims().get("exp"));
    assertThrows(UnsupportedOperationException.class, () -> ok.claims().put("sub", "mallory"));
    assertThrows(UnsupportedOperationException.class, () -> nested.put("team", "red"));
  }

  @Test
  void acceptsAValidEs256Token() throws Exception {
    String token = Tokens.sign(ec, JWSAlgorithm.ES256, claims().build());
    JwtOutcome outcome = authenticator(JwtMode.STRICT, List.of("mcp")).authenticate(bearer(token));
    assertEquals("alice", assertInstanceOf(JwtOutcome.Authenticated.class, outcome).subject());
  }

  @Test
  void acceptsAValidPs256Token() throws Exception {
    String token = Tokens.sign(rsa, JWSAlgorithm.PS256, claims().build());
    JwtOutcome outcome = authenticator(JwtMode.STRICT, List.of()).authenticate(bearer(token));
    assertInstanceOf(JwtOutcome.Authenticated.class, outcome);
  }

  @Test
  void rejectsATokenFromAnotherIssuer() throws Exception {
    String token = rs256(rsa, claims().issuer("https://evil.example").build());
    assertEquals(
        "token issuer is not trusted",
        reason(authenticator(JwtMode.STRICT, List.of()).authenticate(bearer(token))));
  }

  @Test
  void acceptsAnyOfTheAudiencesAndRejectsOthers() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.STRICT, List.of("other", "mcp"));
    assertTrue(auth.authenticate(bearer(rs256(rsa, claims().build()))).allowed());
    String wrong = rs256(rsa, claims().audience(List.of("billing", "search")).build());
    assertEquals("token audience is not accepted", reason(auth.authenticate(bearer(wrong))));
    String none = rs256(rsa, claims().audience((String) null).build());
    assertEquals("token audience is not accepted", reason(auth.authenticate(bearer(none))));
  }

  @Test
  void rejectsAnExpiredTokenBeyondTheClockSkew() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.STRICT, List.of());
    String token = rs256(rsa, claims().expirationTime(Date.from(NOW.minusSeconds(30))).build());
    assertTrue(auth.authenticate(bearer(token)).allowed(), "within the 60 s skew");
    clock.advance(Duration.ofSeconds(31));
    assertEquals("token expired", reason(auth.authenticate(bearer(token))));
  }

  @Test
  void aTokenAcceptedBeforeStillExpiresAndAForgeryUnderItsKidStaysRefused() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.STRICT, List.of("mcp"));
    String token = rs256(rsa, claims().build());
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(JwtOutcome.Authenticated.class, auth.authenticate(bearer(token)));
    }
    String forged = rs256(stranger, claims().build());
    assertEquals("token signature is invalid", reason(auth.authenticate(bearer(forged))));
    clock.advance(Duration.ofHours(1).plus(JwtAuthenticator.CLOCK_SKEW).plusSeconds(1));
    assertEquals("token expired", reason(auth.authenticate(bearer(token))));
  }

  @Test
  void rejectsATokenNotYetValid() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.STRICT, List.of());
    String token = rs256(rsa, claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build());
    assertEquals("token not yet valid", reason(auth.authenticate(bearer(token))));
    clock.advance(Duration.ofSeconds(61));
    assertTrue(auth.authenticate(bearer(token)).allowed());
  }

  @Test
  void requiresExpByDefaultAndWhatTheOptionsName() throws Exception {
    String noExp = rs256(rsa, claims().expirationTime(null).build());
    assertEquals(
        "token lacks the required 'exp' claim",
        reason(authenticator(JwtMode.STRICT, List.of()).authenticate(bearer(noExp))));
    JwtAuthenticator lenient =
        authenticator(JwtMode.STRICT, List.of(), new JwtValidationOptions(Set.of()));
    assertTrue(lenient.authenticate(bearer(noExp)).allowed());
    JwtAuthenticator needsSub =
        authenticator(JwtMode.STRICT, List.of(), new JwtValidationOptions(Set.of("sub")));
    String noSub = rs256(rsa, claims().subject(null).build());
    assertEquals(
        "token lacks the required 'sub' claim", reason(needsSub.authenticate(bearer(noSub))));
    assertThrows(IllegalArgumentException.class, () -> new JwtValidationOptions(Set.of("jti")));
  }

  @Test
  void refusesAnUnsignedAlgNoneToken() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.STRICT, List.of());
    String plain = new PlainJWT(claims().build()).serialize();
    assertEquals("token is not a signed JWT", reason(auth.authenticate(bearer(plain))));
    // The classic trick: a real token's payload under an "alg":"none" header, signature kept.
    String[] parts = rs256(rsa, claims().build()).split("\\.");
    String noneHeader =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
    String forged = noneHeader + "." + parts[1] + "." + parts[2];
    assertFalse(auth.authenticate(bearer(forged)).allowed());
  }

  @Test
  void refusesHmacTokens() throws Exception {
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes()));
    assertEquals(
        "token algorithm not allowed",
        reason(authenticator(JwtMode.STRICT, List.of()).authenticate(bearer(hmac.serialize()))));
  }

  @Test
  void rejectsATokenSignedByAnotherKeyUnderATrustedKid() throws Exception {
    String forged = rs256(stranger, claims().build());
    assertEquals(
        "token signature is invalid",
        reason(authenticator(JwtMode.STRICT, List.of()).authenticate(bearer(forged))));
  }

  @Test
  void rejectsAnUnknownKidWithInlineKeys() throws Exception {
    String token = Tokens.sign(rsa, "elsewhere", JWSAlgorithm.RS256, claims().build());
    assertEquals(
        "token signing key is unknown",
        reason(authenticator(JwtMode.STRICT, List.of()).authenticate(bearer(token))));
  }

  @Test
  void rejectsGarbageAndTheReasonNeverContainsTheToken() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.STRICT, List.of());
    String expired = rs256(rsa, claims().expirationTime(Date.from(NOW.minusSeconds(3600))).build());
    String deep =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("{\"alg\":\"RS256\",\"x\":" + "[".repeat(10_000)).getBytes());
    List<String> tokens =
        List.of(
            "garbage",
            "a.b.c",
            "eyJhbGciOiJSUzI1NiJ9.eyJ.x",
            deep + ".e30.sig",
            "e30.e30.e30",
            expired,
            "x".repeat(40_000));
    for (String token : tokens) {
      String reason = reason(auth.authenticate(bearer(token)));
      assertFalse(reason.contains(token.substring(0, Math.min(token.length(), 12))), reason);
      for (String part : token.split("\\.")) {
        assertFalse(part.length() > 3 && reason.contains(part), reason);
      }
    }
  }

  @Test
  void strictRejectsAMissingToken() throws Exception {
    JwtOutcome outcome = authenticator(JwtMode.STRICT, List.of()).authenticate(List.of());
    JwtOutcome.Rejected rejected = assertInstanceOf(JwtOutcome.Rejected.class, outcome);
    assertEquals("missing bearer token", rejected.reason());
    assertFalse(rejected.tokenPresented());
  }

  @Test
  void optionalPassesAMissingTokenAndRejectsAnInvalidOne() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.OPTIONAL, List.of());
    assertSame(JwtOutcome.Anonymous.INSTANCE, auth.authenticate(List.of()));
    assertSame(JwtOutcome.Anonymous.INSTANCE, auth.authenticate(List.of("Basic dXNlcjpwdw==")));
    JwtOutcome.Rejected rejected =
        assertInstanceOf(JwtOutcome.Rejected.class, auth.authenticate(bearer("garbage")));
    assertTrue(rejected.tokenPresented());
    assertInstanceOf(
        JwtOutcome.Authenticated.class, auth.authenticate(bearer(rs256(rsa, claims().build()))));
  }

  @Test
  void permissiveNeverRejectsAndGivesClaimsOnlyForValidTokens() throws Exception {
    JwtAuthenticator auth = authenticator(JwtMode.PERMISSIVE, List.of());
    assertSame(JwtOutcome.Anonymous.INSTANCE, auth.authenticate(List.of()));
    assertSame(JwtOutcome.Anonymous.INSTANCE, auth.authenticate(bearer("garbage")));
    assertSame(
        JwtOutcome.Anonymous.INSTANCE,
        auth.authenticate(List.of("Bearer a", "Bearer b")),
        "even a malformed header passes");
    String forged = rs256(stranger, claims().build());
    assertSame(JwtOutcome.Anonymous.INSTANCE, auth.authenticate(bearer(forged)));
    assertInstanceOf(
        JwtOutcome.Authenticated.class, auth.authenticate(bearer(rs256(rsa, claims().build()))));
  }

  @Test
  void multipleAuthorizationHeadersAreRejectedInStrictAndOptionalModes() throws Exception {
    String token = rs256(rsa, claims().build());
    List<String> two = List.of("Bearer " + token, "Bearer " + token);
    assertEquals(
        "multiple Authorization headers",
        reason(authenticator(JwtMode.STRICT, List.of()).authenticate(two)));
    assertEquals(
        "multiple Authorization headers",
        reason(authenticator(JwtMode.OPTIONAL, List.of()).authenticate(two)));
  }

  @Test
  void routesTokensToTheProviderOfTheirIssuer() throws Exception {
    RSAKey otherKey = new RSAKey.Builder(stranger).keyID("other-1").build();
    JwtProviderConfig first =
        JwtProviderConfig.create(
            ISSUER,
            List.of("mcp"),
            new JwksSource.Inline(new JWKSet(rsa).toPublicJWKSet().toString()));
    JwtProviderConfig second =
        JwtProviderConfig.create(
            "https://other.example",
            List.of("mcp"),
            new JwksSource.Inline(new JWKSet(otherKey).toPublicJWKSet().toString()));
    JwtAuthenticator auth =
        JwtAuthenticator.create(
            new JwtAuthConfig(JwtMode.STRICT, List.of(first, second)),
            null,
            JwksSettings.DEFAULT,
            clock);
    assertTrue(auth.authenticate(bearer(rs256(rsa, claims().build()))).allowed());
    assertTrue(
        auth.authenticate(bearer(rs256(otherKey, claims().issuer("https://other.example").build())))
            .allowed());
    // A key trusted for one issuer does not vouch for another.
    assertEquals(
        "token signing key is unknown",
        reason(
            auth.authenticate(
                bearer(rs256(rsa, claims().issuer("https://other.example").build())))));
  }

  @Test
  void readsKeysFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, new JWKSet(rsa).toPublicJWKSet().toString());
    JwtAuthenticator auth =
        JwtAuthenticator.create(
            new JwtAuthConfig(
                JwtMode.STRICT,
                List.of(JwtProviderConfig.create(ISSUER, List.of(), new JwksSource.File(file)))),
            null,
            JwksSettings.DEFAULT,
            clock);
    assertTrue(auth.authenticate(bearer(rs256(rsa, claims().build()))).allowed());
  }

  @Test
  void anUnreadableKeySetIsAConfigErrorWithItsPath(@TempDir Path dir) {
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () ->
                JwtAuthenticator.create(
                    new JwtAuthConfig(
                        JwtMode.STRICT,
                        List.of(
                            JwtProviderConfig.create(
                                ISSUER, List.of(), new JwksSource.Inline("{\"keys\": 3}")))),
                    null,
                    JwksSettings.DEFAULT,
                    clock));
    assertEquals("providers[0].jwks", bad.errors().get(0).path());
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () ->
                JwtAuthenticator.create(
                    new JwtAuthConfig(
                        JwtMode.STRICT,
                        List.of(
                            JwtProviderConfig.create(
                                ISSUER, List.of(), new JwksSource.File(dir.resolve("nope.json"))))),
                    null,
                    JwksSettings.DEFAULT,
                    clock));
    assertEquals("providers[0].jwks.file", missing.errors().get(0).path());
  }

  @Test
  void configRecordsRefuseWhatCannotWork() {
    JwksSource keys = new JwksSource.Inline("{}");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new JwtAuthConfig(
                JwtMode.STRICT,
                List.of(
                    JwtProviderConfig.create(ISSUER, List.of(), keys),
                    JwtProviderConfig.create(ISSUER, List.of(), keys))));
    assertThrows(IllegalArgumentException.class, () -> new JwtAuthConfig(null, List.of()));
    assertEquals(
        JwtMode.OPTIONAL,
        new JwtAuthConfig(null, List.of(JwtProviderConfig.create(ISSUER, null, keys))).mode());
    assertThrows(
        IllegalArgumentException.class,
        () -> new JwksSource.Remote(java.net.URI.create("file:///etc/jwks")));
    assertEquals(JwtMode.PERMISSIVE, JwtMode.fromConfigName("permissive"));
    assertThrows(IllegalArgumentException.class, () -> JwtMode.fromConfigName("Strict"));
  }
}
