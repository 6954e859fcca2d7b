package dev.agentgateway.control.translate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorsTest {
  private static final Map<String, String> LABELS = Map.of("team", "a", "env", "prod");

  @Test
  void matchLabelsMustAllHold() {
    assertTrue(
        Selectors.matches(
            new LabelSelectorBuilder().addToMatchLabels("team", "a").build(), LABELS));
    assertFalse(
        Selectors.matches(
            new LabelSelectorBuilder()
                .addToMatchLabels("team", "a")
                .addToMatchLabels("env", "dev")
                .build(),
            LABELS));
  }

  @Test
  void expressionsUseTheirOperators() {
    assertTrue(Selectors.matches(expr("env", "In", "prod", "staging"), LABELS));
    assertFalse(Selectors.matches(expr("env", "NotIn", "prod"), LABELS));
    assertTrue(Selectors.matches(expr("team", "Exists"), LABELS));
    assertTrue(Selectors.matches(expr("owner", "DoesNotExist"), LABELS));
    assertFalse(Selectors.matches(expr("team", "Bogus"), LABELS));
  }

  @Test
  void emptySelectorMatchesAllAndNullNothing() {
    assertTrue(Selectors.matches(new LabelSelector(), LABELS));
    assertFalse(Selectors.matches(null, LABELS));
  }

  private static LabelSelector expr(String key, String op, String... values) {
    return new LabelSelectorBuilder()
        .addNewMatchExpression()
        .withKey(key)
        .withOperator(op)
        .withValues(values)
        .endMatchExpression()
        .build();
  }
}
