package dev.agentgateway.proxy.policy.jwt;

import static dev.agentgateway.proxy.policy.jwt.Tokens.ISSUER;
import static dev.agentgateway.proxy.policy.jwt.Tokens.NOW;
import static dev.agentgateway.proxy.policy.jwt.Tokens.claims;
import static dev.agentgateway.proxy.policy.jwt.Tokens.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS fetched from a real HTTP server on loopback, with the clock moved by hand. */
class RemoteJwksTest {
  private static final JwksSettings SETTINGS =
      new JwksSettings(
          Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5), 64 * 1024);

  private static final RSAKey keyA = Tokens.RSA_A;
  private static final RSAKey keyB = Tokens.RSA_B;

  private final MutableClock clock = new MutableClock(NOW);
  private final HttpClient http = JwtAuthenticator.defaultHttpClient();
  private JwksServer server;
  private JwtAuthenticator auth;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer();
    server.serve(List.of(keyA));
    JwtProviderConfig provider =
        JwtProviderConfig.create(ISSUER, List.of("mcp"), new JwksSource.Remote(server.url()));
    auth =
        JwtAuthenticator.create(
            new JwtAuthConfig(JwtMode.STRICT, List.of(provider)), http, SETTINGS, clock);
  }

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  private boolean accepts(RSAKey key) throws Exception {
    return auth.authenticate(List.of("Bearer " + rs256(key, claims().build()))).allowed();
  }

  private boolean acceptsUnder(String kid) throws Exception {
    String token = Tokens.sign(keyA, kid, JWSAlgorithm.RS256, claims().build());
    return auth.authenticate(List.of("Bearer " + token)).allowed();
  }

  @Test
  void fetchesOnFirstUseAndServesFromTheCacheWithinItsTtl() throws Exception {
    assertEquals(0, server.fetches());
    assertTrue(accepts(keyA));
    assertTrue(accepts(keyA));
    clock.advance(Duration.ofMinutes(4));
    assertTrue(accepts(keyA));
    assertEquals(1, server.fetches());
    clock.advance(Duration.ofMinutes(1));
    assertTrue(accepts(keyA));
    assertEquals(2, server.fetches(), "refetched once the TTL passed");
  }

  @Test
  void concurrentFirstRequestsShareOneFetch() throws Exception {
    String token = rs256(keyA, claims().build());
    List<Future<Boolean>> results = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 32; i++) {
        results.add(threads.submit(() -> auth.authenticate(List.of("Bearer " + token)).allowed()));
      }
    }
    for (var result : results) {
      assertTrue(result.get());
    }
    assertEquals(1, server.fetches());
  }

  @Test
  void anUnknownKidTriggersOneRefetchAndAFloodOfThemNoMore() throws Exception {
    assertTrue(accepts(keyA));
    clock.advance(Duration.ofSeconds(30));
    assertFalse(acceptsUnder("forged-kid"));
    assertEquals(2, server.fetches(), "one refetch for the unknown kid");
    for (int i = 0; i < 50; i++) {
      assertFalse(acceptsUnder(UUID.randomUUID().toString()));
    }
    assertEquals(2, server.fetches(), "no more than one fetch per interval");
    assertTrue(accepts(keyA), "the known key still works");
  }

  @Test
  void followsARotationFromKeyAToKeyB() throws Exception {
    assertTrue(accepts(keyA));
    server.serve(List.of(keyB));
    clock.advance(SETTINGS.minRefetchInterval());
    assertTrue(accepts(keyB), "the unknown kid fetched the rotated set");
    assertEquals(2, server.fetches());
    assertFalse(accepts(keyA), "the retired key is gone");
    assertEquals(2, server.fetches());
  }

  @Test
  void keepsTheLastGoodKeysWhileTheServerIsDown() throws Exception {
    assertTrue(accepts(keyA));
    server.fail(503);
    clock.advance(Duration.ofMinutes(6));
    assertTrue(accepts(keyA), "stale keys served after a failed fetch");
    assertEquals(2, server.fetches());
    assertTrue(accepts(keyA));
    assertEquals(2, server.fetches(), "a failed fetch is not retried at once");
    server.close();
    clock.advance(SETTINGS.minRefetchInterval());
    assertTrue(accepts(keyA), "stale keys served with the server gone");
  }

  @Test
  void refusesAnInvalidOrEmptyKeySetAndKeepsTheLastGoodOne() throws Exception {
    assertTrue(accepts(keyA));
    server.serve(List.of());
    clock.advance(Duration.ofMinutes(6));
    assertTrue(accepts(keyA), "an empty set does not replace good keys");
    assertEquals(2, server.fetches());
  }

  @Test
  void rejectsTokensWhileNoKeysWereEverFetched() throws Exception {
    server.fail(500);
    assertFalse(accepts(keyA));
    assertEquals(1, server.fetches());
    assertFalse(accepts(keyA));
    assertEquals(1, server.fetches(), "failures are rate limited too");
    server.serve(List.of(keyA));
    clock.advance(SETTINGS.minRefetchInterval());
    assertTrue(accepts(keyA), "the server recovered");
    assertEquals(2, server.fetches());
  }
}
