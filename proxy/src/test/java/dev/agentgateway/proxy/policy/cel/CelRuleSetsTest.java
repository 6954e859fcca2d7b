package dev.agentgateway.proxy.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelRuleSetsTest {
  private final CelEngine engine = CelEngine.create();

  private CelRuleSets rules(Object... rules) {
    return CelRuleSets.of(List.of(CelRuleSet.parse(List.of(rules), engine)));
  }

  private static CelActivation sub(String sub) {
    return CelActivation.builder().jwt(Map.of("sub", sub)).build();
  }

  @Test
  void noRulesAllowEverything() {
    assertTrue(CelRuleSets.none().allows(CelActivation.empty()));
    assertTrue(rules().allows(CelActivation.empty()));
    assertFalse(rules().hasRules());
  }

  @Test
  void bareStringsAndAllowMapsAreAllowRulesAndAnyMatchPermits() {
    CelRuleSets r = rules("jwt.sub == 'a'", Map.of("allow", "jwt.sub == 'b'"));
    assertTrue(r.allows(sub("a")));
    assertTrue(r.allows(sub("b")));
    assertFalse(r.allows(sub("c")));
    assertFalse(r.allows(CelActivation.empty()));
  }

  @Test
  void matchingDenyWinsOverAMatchingAllow() {
    CelRuleSets r = rules("true", Map.of("deny", "jwt.sub == 'mallory'"));
    assertTrue(r.allows(sub("a")));
    assertFalse(r.allows(sub("mallory")));
  }

  @Test
  void denyThatFailsToEvaluateDoesNotDeny() {
    CelRuleSets r = rules("true", Map.of("deny", "jwt.banned == true"));
    assertTrue(r.allows(sub("a")));
  }

  @Test
  void everyRequireMustHold() {
    CelRuleSets r =
        rules(
            "true",
            Map.of("require", "has(jwt.sub)"),
            Map.of("require", "jwt.sub.startsWith('team-')"));
    assertTrue(r.allows(sub("team-a")));
    assertFalse(r.allows(sub("b")));
    assertFalse(r.allows(CelActivation.empty()));
  }

  @Test
  void onlyDenyOrRequireRulesMakeADenyList() {
    assertTrue(rules(Map.of("deny", "jwt.sub == 'x'")).allows(sub("a")));
    assertFalse(rules(Map.of("deny", "jwt.sub == 'x'")).allows(sub("x")));
    assertTrue(rules(Map.of("require", "jwt.sub == 'a'")).allows(sub("a")));
    assertFalse(rules(Map.of("require", "jwt.sub == 'a'")).allows(sub("b")));
  }

  @Test
  void mergedSetsPoolTheirRules() {
    CelRuleSets route = rules("jwt.sub == 'a'");
    CelRuleSets backend = rules("jwt.sub == 'b'", Map.of("deny", "jwt.sub == 'c'"));
    CelRuleSets target = rules(Map.of("require", "jwt.sub != 'd'"));
    CelRuleSets all = route.merge(backend).merge(target);
    assertTrue(all.allows(sub("a")), "an allow in any set permits");
    assertTrue(all.allows(sub("b")));
    assertFalse(all.allows(sub("c")), "a deny in any set denies");
    assertFalse(all.allows(sub("e")), "allow rules exist and none matched");
    CelRuleSets denyAll = rules(Map.of("deny", "true"));
    assertFalse(denyAll.merge(rules("true")).allows(sub("a")), "an allow does not erase a deny");
    assertFalse(rules("true").merge(denyAll).allows(sub("a")));
    assertFalse(target.merge(rules("true")).allows(sub("d")), "a require holds across sets");
  }

  @Test
  void mergingWithNoRulesKeepsTheOtherSet() {
    CelRuleSets r = rules("jwt.sub == 'a'");
    assertEquals(r, r.merge(CelRuleSets.none()));
    assertEquals(r, CelRuleSets.none().merge(r));
    assertEquals(r, rules().merge(r));
  }

  @Test
  void malformedRulesNameTheirIndex() {
    assertEquals(
        "rules[1]: unknown key 'permit'; expected allow, deny or require",
        assertThrows(
                IllegalArgumentException.class,
                () -> CelRuleSet.parse(List.of("true", Map.of("permit", "true")), engine))
            .getMessage());
    assertEquals(
        "rules[0]: expected a CEL string or a map with one key, allow, deny or require (got a map"
            + " with keys [allow, deny])",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    CelRuleSet.parse(
                        List.of(new java.util.TreeMap<>(Map.of("allow", "true", "deny", "x"))),
                        engine))
            .getMessage());
    assertEquals(
        "rules[0].deny: expected a CEL string (got Integer)",
        assertThrows(
                IllegalArgumentException.class,
                () -> CelRuleSet.parse(List.of(Map.of("deny", 3)), engine))
            .getMessage());
    assertEquals(
        "rules[0]: expected a CEL string or a map with one key, allow, deny or require (got Integer)",
        assertThrows(IllegalArgumentException.class, () -> CelRuleSet.parse(List.of(7), engine))
            .getMessage());
  }

  @Test
  void ruleThatDoesNotCompileIsAConfigErrorWithCelsMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CelRuleSet.parse(List.of("true", Map.of("require", "jwt.sub ==")), engine));
    assertTrue(
        e.getMessage().startsWith("rules[1].require: invalid CEL expression 'jwt.sub =='"),
        e.getMessage());
    assertTrue(e.getMessage().contains("mismatched input"), e.getMessage());
    assertEquals(
        "jwt.sub ==", assertInstanceOf(CelCompileException.class, e.getCause()).expression());
  }
}
