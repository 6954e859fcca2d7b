package dev.agentgateway.proxy.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelEngineTest {
  private final CelEngine engine = CelEngine.create();

  @Test
  void syntaxErrorNamesTheExpressionAndKeepsCelsMessage() {
    CelCompileException e =
        assertThrows(CelCompileException.class, () -> engine.compile("mcp.tool.name =="));
    assertEquals("mcp.tool.name ==", e.expression());
    assertTrue(
        e.getMessage().startsWith("invalid CEL expression 'mcp.tool.name =='"), e.getMessage());
    assertTrue(e.reason().contains("<input>:1:17"), e.reason());
  }

  @Test
  void undeclaredVariableIsACompileError() {
    CelCompileException e =
        assertThrows(CelCompileException.class, () -> engine.compile("user.name == 'a'"));
    assertTrue(e.reason().contains("undeclared reference to 'user'"), e.reason());
  }

  @Test
  void typeErrorIsACompileError() {
    CelCompileException e =
        assertThrows(CelCompileException.class, () -> engine.compile("1 + 'a'"));
    assertTrue(e.reason().contains("no matching overload"), e.reason());
  }

  @Test
  void emptyExpressionIsACompileError() {
    CelCompileException e = assertThrows(CelCompileException.class, () -> engine.compile("  "));
    assertEquals("the expression is empty", e.reason());
  }

  @Test
  void predicateMustBeAbleToBeABool() {
    CelCompileException e =
        assertThrows(CelCompileException.class, () -> engine.compilePredicate("1 + 2"));
    assertEquals("a rule must evaluate to a bool, this is a int", e.reason());
    // A field of a dynamic map may be a bool at run time, so it compiles.
    assertTrue(
        engine
            .compilePredicate("jwt.admin")
            .matches(CelActivation.builder().jwt(Map.of("admin", true)).build()));
  }

  @Test
  void everyUpstreamVariableIsDeclared() {
    for (String variable : CelEngine.VARIABLES) {
      assertEquals(variable + ".x == 1", engine.compile(variable + ".x == 1").source());
    }
  }

  @Test
  void standardMacrosAndStringAndMathExtensionsAreAvailable() {
    CelActivation claims =
        CelActivation.builder()
            .jwt(Map.of("sub", "Test-User", "groups", List.of("a", "b"), "n", 3))
            .build();
    assertTrue(engine.compile("has(jwt.sub) && !has(jwt.email)").matches(claims));
    assertTrue(engine.compile("jwt.groups.exists(g, g == 'b')").matches(claims));
    assertTrue(engine.compile("jwt.sub.lowerAscii().startsWith('test')").matches(claims));
    assertTrue(engine.compile("math.greatest(jwt.n, 2) == 3").matches(claims));
  }

  @Test
  void listenerSeesEachCompilationOnce() {
    List<String> compiled = new ArrayList<>();
    CelEngine counting = CelEngine.create(compiled::add);
    CelExpression expression = counting.compile("jwt.sub == 'a'");
    CelActivation activation = CelActivation.builder().jwt(Map.of("sub", "a")).build();
    for (int i = 0; i < 100; i++) {
      assertTrue(expression.matches(activation));
    }
    assertEquals(List.of("jwt.sub == 'a'"), compiled);
  }
}
