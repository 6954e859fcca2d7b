package dev.agentgateway.proxy.policy.jwt;

import static dev.agentgateway.proxy.policy.jwt.Tokens.ISSUER;
import static dev.agentgateway.proxy.policy.jwt.Tokens.NOW;
import static dev.agentgateway.proxy.policy.jwt.Tokens.claims;
import static dev.agentgateway.proxy.policy.jwt.Tokens.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.JwtAuthPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IR's jwtAuth compiled with one key-set cache per URL. */
class JwtCompilerTest {
  private final MutableClock clock = new MutableClock(NOW);
  private final HttpClient http = JwtAuthenticator.defaultHttpClient();
  private final JwtCompiler compiler = new JwtCompiler(http, JwksSettings.DEFAULT, clock);
  private JwksServer server;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer();
    server.serve(List.of(Tokens.RSA_A));
  }

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  private JwtAuthPolicy policy(JwtAuthPolicy.Mode mode) {
    return new JwtAuthPolicy(
        mode,
        List.of(
            new JwtAuthPolicy.Provider(
                ISSUER, List.of("mcp"), new JwtAuthPolicy.Jwks.Remote(server.url().toString()))));
  }

  @Test
  void policiesNamingOneUrlShareOneFetchUntilNoLivePolicyNamesIt() throws Exception {
    List<String> header = List.of("Bearer " + rs256(Tokens.RSA_A, claims().build()));
    JwtAuthPolicy strict = policy(JwtAuthPolicy.Mode.STRICT);
    assertTrue(compiler.compile(strict).authenticate(header).allowed());
    // A reload compiles the route again, and another route names the same key server.
    assertTrue(compiler.compile(strict).authenticate(header).allowed());
    assertTrue(
        compiler.compile(policy(JwtAuthPolicy.Mode.OPTIONAL)).authenticate(header).allowed());
    assertEquals(1, server.fetches());
    assertEquals(1, compiler.cachedKeySets());

    compiler.retain(List.of(strict));
    assertEquals(1, compiler.cachedKeySets());
    compiler.retain(List.of());
    assertEquals(0, compiler.cachedKeySets());
    assertTrue(compiler.compile(strict).authenticate(header).allowed());
    assertEquals(2, server.fetches(), "a forgotten key set is fetched afresh");
  }

  @Test
  void aKeySetWithItsOwnCacheDurationIsFetchedAgainOnlyAfterIt() throws Exception {
    List<String> header = List.of("Bearer " + rs256(Tokens.RSA_A, claims().build()));
    JwtAuthenticator auth =
        compiler.compile(
            new JwtAuthPolicy(
                JwtAuthPolicy.Mode.STRICT,
                List.of(
                    new JwtAuthPolicy.Provider(
                        ISSUER,
                        List.of("mcp"),
                        new JwtAuthPolicy.Jwks.Remote(
                            server.url().toString(), Duration.ofMinutes(20))))));
    assertTrue(auth.authenticate(header).allowed());
    clock.advance(Duration.ofMinutes(10));
    assertTrue(auth.authenticate(header).allowed());
    assertEquals(1, server.fetches(), "still fresh after the default five minutes");
    clock.advance(Duration.ofMinutes(11));
    assertTrue(auth.authenticate(header).allowed());
    assertEquals(2, server.fetches());
    // The same URL with the default cache time is another key set.
    assertTrue(compiler.compile(policy(JwtAuthPolicy.Mode.STRICT)).authenticate(header).allowed());
    assertEquals(2, compiler.cachedKeySets());
  }

  @Test
  void modesComeFromTheIr() throws Exception {
    assertFalse(
        compiler.compile(policy(JwtAuthPolicy.Mode.STRICT)).authenticate(List.of()).allowed());
    assertTrue(
        compiler.compile(policy(JwtAuthPolicy.Mode.OPTIONAL)).authenticate(List.of()).allowed());
    assertTrue(
        compiler
            .compile(policy(JwtAuthPolicy.Mode.PERMISSIVE))
            .authenticate(List.of("Bearer x.y.z"))
            .allowed());
  }
}
