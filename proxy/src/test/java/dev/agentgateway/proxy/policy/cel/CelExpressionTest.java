package dev.agentgateway.proxy.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CelExpressionTest {
  private final CelEngine engine = CelEngine.create();

  private boolean matches(String expression, CelActivation activation) {
    return engine.compile(expression).matches(activation);
  }

  private static CelActivation claims(Map<String, ?> claims) {
    return CelActivation.builder().jwt(claims).build();
  }

  @Test
  void nestedClaimsAreReadThroughFields() {
    CelActivation a = claims(Map.of("nested", Map.of("key", "value", "deeper", Map.of("n", 1))));
    assertTrue(matches("jwt.nested.key == 'value'", a));
    assertTrue(matches("jwt.nested.deeper.n == 1", a));
    assertFalse(matches("jwt.nested.key == 'other'", a));
  }

  @Test
  void listClaimsSupportIn() {
    CelActivation a = claims(Map.of("groups", List.of("admin", "dev")));
    assertTrue(matches("'admin' in jwt.groups", a));
    assertFalse(matches("'ops' in jwt.groups", a));
  }

  @Test
  void missingClaimDoesNotMatchEvenWhenNegated() {
    CelActivation a = claims(Map.of("sub", "alice"));
    assertFalse(matches("jwt.role == 'admin'", a));
    assertFalse(matches("!(jwt.role == 'admin')", a));
    assertFalse(matches("jwt.role != 'admin'", a));
    // CEL's commutative or: an error on one side does not stop a true other side.
    assertTrue(matches("jwt.role == 'admin' || jwt.sub == 'alice'", a));
  }

  @Test
  void absentVariableDoesNotMatch() {
    CelActivation none = CelActivation.empty();
    assertFalse(matches("jwt.sub == 'alice'", none));
    assertFalse(matches("!(jwt.sub == 'alice')", none));
    assertFalse(matches("has(jwt.sub)", none));
    assertTrue(matches("jwt.sub == 'alice' || true", none));
  }

  @Test
  void evaluationErrorsDoNotMatch() {
    CelActivation a = claims(Map.of("n", 0, "s", "x"));
    assertFalse(matches("1 / jwt.n == 1", a));
    assertFalse(matches("jwt.s > 1", a));
    assertFalse(matches("jwt.s", a));
  }

  @Test
  void jsonNumbersOfAnyJavaTypeCompareAsNumbers() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("int", 3);
    claims.put("long", 3L);
    claims.put("double", 2.5);
    claims.put("float", 2.5f);
    claims.put("decimal", new BigDecimal("7"));
    claims.put("none", null);
    CelActivation a = claims(claims);
    assertTrue(matches("jwt.int > 2 && jwt.int == 3", a));
    assertTrue(matches("jwt.long >= 3", a));
    assertTrue(matches("jwt.double > 2 && jwt.float == 2.5", a));
    assertTrue(matches("jwt.decimal == 7", a));
    assertTrue(matches("jwt.none == null", a));
  }

  @Test
  void dateClaimsAreEpochSeconds() {
    CelActivation a = claims(Map.of("exp", new Date(1_700_000_000_000L)));
    assertTrue(matches("jwt.exp == 1700000000", a));
  }

  @Test
  void jacksonTreesAreClaimsToo() throws Exception {
    var tree =
        new ObjectMapper()
            .readTree("{\"sub\":\"a\",\"roles\":[\"x\",\"y\"],\"org\":{\"id\":42},\"n\":null}");
    CelActivation a = CelActivation.builder().jwt(Map.of("tree", tree)).build();
    assertTrue(matches("jwt.tree.sub == 'a' && 'y' in jwt.tree.roles", a));
    assertTrue(matches("jwt.tree.org.id == 42 && jwt.tree.n == null", a));
  }

  @Test
  void arraysAreLists() {
    CelActivation a = claims(Map.of("aud", new String[] {"one", "two"}));
    assertTrue(matches("'two' in jwt.aud && size(jwt.aud) == 2", a));
    assertTrue(matches("size(jwt.l) == 3", claims(Map.of("l", Arrays.asList(1, null, "x")))));
  }

  @Test
  void requestAttributesAreReadable() {
    CelActivation a =
        CelActivation.builder()
            .request(
                new RequestAttributes(
                    "POST",
                    "https",
                    "gw.example.com",
                    "/mcp",
                    "a=1",
                    "HTTP/1.1",
                    Map.of("X-Tenant", "a", "content-type", "application/json")))
            .source(new SourceAttributes("10.0.0.7", 51234))
            .build();
    assertTrue(matches("request.headers['x-tenant'] == 'a'", a));
    assertFalse(matches("request.headers['x-tenant'] == 'b'", a));
    assertFalse(matches("request.headers['x-missing'] == 'a'", a));
    assertTrue(matches("'content-type' in request.headers", a));
    assertTrue(matches("request.method == 'POST' && request.path == '/mcp'", a));
    assertTrue(matches("request.host == 'gw.example.com' && request.scheme == 'https'", a));
    assertTrue(matches("request.pathAndQuery == '/mcp?a=1'", a));
    assertTrue(matches("request.uri == 'https://gw.example.com/mcp?a=1'", a));
    assertTrue(matches("request.version == 'HTTP/1.1'", a));
    assertTrue(matches("source.address == '10.0.0.7' && source.port == 51234", a));
  }

  @Test
  void absentRequestFieldsAreMissingKeys() {
    CelActivation a =
        CelActivation.builder()
            .request(RequestAttributes.of("GET", null, null, "/", Map.of()))
            .build();
    assertFalse(matches("request.host == ''", a));
    assertFalse(matches("has(request.scheme)", a));
    assertTrue(matches("!has(request.uri) && request.pathAndQuery == '/'", a));
  }

  @Test
  void evaluateReturnsTheValueOrSaysWhyNot() throws Exception {
    CelActivation a = claims(Map.of("sub", "alice", "n", 2));
    assertEquals("alice", engine.compile("jwt.sub").evaluate(a));
    assertEquals(3L, engine.compile("jwt.n + 1").evaluate(a));
    CelEvaluationError missing =
        assertThrows(CelEvaluationError.class, () -> engine.compile("jwt.x").evaluate(a));
    assertTrue(missing.getMessage().contains("'x' is not present"), missing.getMessage());
    CelEvaluationError unbound =
        assertThrows(CelEvaluationError.class, () -> engine.compile("apiKey.key").evaluate(a));
    assertTrue(unbound.getMessage().contains("not available"), unbound.getMessage());
  }

  @Test
  void anExpressionIsSharedSafelyAcrossThreads() throws Exception {
    CelExpression expression = engine.compile("jwt.sub == 'alice' && 'a' in jwt.groups");
    CelActivation yes = claims(Map.of("sub", "alice", "groups", List.of("a")));
    CelActivation no = claims(Map.of("sub", "bob", "groups", List.of("a")));
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  int right = 0;
                  for (int n = 0; n < 500; n++) {
                    right += expression.matches(yes) && !expression.matches(no) ? 1 : 0;
                  }
                  return right;
                }));
      }
      for (Future<Integer> result : results) {
        assertEquals(500, result.get());
      }
    }
  }
}
