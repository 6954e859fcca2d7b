package dev.agentgateway.proxy.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CelActivationTest {
  private final CelEngine engine = CelEngine.create();

  @Test
  void requestIsBuiltOnlyWhenAnExpressionReadsItAndThenOnce() {
    AtomicInteger built = new AtomicInteger();
    CelActivation a =
        CelActivation.builder()
            .jwt(Map.of("sub", "alice"))
            .request(
                () -> {
                  built.incrementAndGet();
                  return RequestAttributes.of("GET", "http", "h", "/", Map.of("x-tenant", "a"));
                })
            .build();
    assertTrue(engine.compile("jwt.sub == 'alice'").matches(a));
    assertEquals(0, built.get());
    CelExpression tenant = engine.compile("request.headers['x-tenant'] == 'a'");
    assertTrue(tenant.matches(a));
    assertTrue(tenant.matches(a));
    assertTrue(engine.compile("request.method == 'GET'").matches(a));
    assertEquals(1, built.get());
  }

  @Test
  void derivedActivationReplacesOneVariableAndSharesTheRest() {
    AtomicInteger built = new AtomicInteger();
    CelActivation base =
        CelActivation.builder()
            .request(
                () -> {
                  built.incrementAndGet();
                  return RequestAttributes.of("GET", "http", "h", "/", Map.of());
                })
            .mcp(Map.of("tool", Map.of("name", "base")))
            .build();
    CelExpression rule = engine.compile("request.method == 'GET' && mcp.tool.name == 'echo'");
    CelActivation echo = base.with("mcp", Map.of("tool", Map.of("name", "echo")));
    CelActivation other = base.with("mcp", Map.of("tool", Map.of("name", "other")));
    assertTrue(rule.matches(echo));
    assertFalse(rule.matches(other));
    assertFalse(rule.matches(base));
    assertTrue(engine.compile("mcp.tool.name == 'base'").matches(base));
    assertEquals(1, built.get());
  }

  @Test
  void supplierReturningNullLeavesTheVariableAbsent() {
    CelActivation a =
        CelActivation.builder()
            .set("basicAuth", (java.util.function.Supplier<Object>) () -> null)
            .build();
    assertFalse(engine.compile("basicAuth.username == 'x' || !has(basicAuth.username)").matches(a));
  }

  @Test
  void apiKeyAndBasicAuthAreReadable() {
    CelActivation a =
        CelActivation.builder()
            .apiKey(Map.of("key", "k1", "team", "blue"))
            .basicAuth(Map.of("username", "bob"))
            .build();
    assertTrue(engine.compile("apiKey.team == 'blue' && basicAuth.username == 'bob'").matches(a));
  }

  @Test
  void unknownVariableIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CelActivation.builder().set("user", Map.of()));
    assertTrue(e.getMessage().startsWith("unknown CEL variable 'user'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CelActivation.empty().with("tool", "x"));
  }
}
