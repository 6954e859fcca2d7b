package dev.agentgateway.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.ValueMatch;
import org.junit.jupiter.api.Test;

class ValueConditionTest {

  @Test
  void literalPrefixStopsAtTheFirstMetacharacter() {
    assertEquals("/items/", ValueCondition.literalPrefix("/items/[0-9]+"));
    assertEquals("/a/", ValueCondition.literalPrefix("/a/.*"));
    assertEquals("/exact", ValueCondition.literalPrefix("/exact"));
    assertEquals("/ab", ValueCondition.literalPrefix("/ab+"));
  }

  @Test
  void literalPrefixDropsACharacterThatIsOptional() {
    assertEquals("/a", ValueCondition.literalPrefix("/ab?c"));
    assertEquals("/a", ValueCondition.literalPrefix("/ab*"));
    assertEquals("/a", ValueCondition.literalPrefix("/ab{0,2}"));
  }

  @Test
  void literalPrefixIsEmptyWhenPatternCouldStartDifferently() {
    assertEquals("", ValueCondition.literalPrefix("/a|/b"));
    assertEquals("", ValueCondition.literalPrefix("(?i)/a"));
    assertEquals("", ValueCondition.literalPrefix("^/a"));
    assertEquals("", ValueCondition.literalPrefix("\\Q/a\\E"));
  }

  @Test
  void regexConditionMatchesTheWholeValue() {
    ValueCondition condition = ValueCondition.of("x", new ValueMatch.Regex("v[0-9]"), "test");

    assertTrue(condition.test("v1"));
    assertFalse(condition.test("v12"));
    assertFalse(condition.test(null));
  }
}
