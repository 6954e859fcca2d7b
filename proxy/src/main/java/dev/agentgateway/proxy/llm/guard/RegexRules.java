package dev.agentgateway.proxy.llm.guard;

import java.util.List;
import java.util.Objects;

/** Upstream's {@code regex} guard: {@code action} (default mask) over {@code rules}. */
public record RegexRules(RegexAction action, List<RegexRule> rules) {
  /** Validates and copies; a null action means upstream's default, mask. */
  public RegexRules {
    action = action == null ? RegexAction.MASK : action;
    Objects.requireNonNull(rules, "rules");
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("regex.rules: at least one rule is required");
    }
    rules = List.copyOf(rules);
  }
}
