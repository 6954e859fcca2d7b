package dev.agentgateway.proxy.policy.cel;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule sets of every policy that applies to a request (route, backend, target), merged as
 * upstream merges them: their rules are pooled, so a deny in any set denies, every require of every
 * set must hold, and an allow in any set permits. With no rules at all everything is allowed; with
 * allow rules and none matching, nothing is; with only deny and require rules, whatever they let
 * through is allowed.
 */
public final class CelRuleSets {
  private static final CelRuleSets NONE = new CelRuleSets(List.of());

  private final List<CelRuleSet> sets;
  private final boolean hasRules;
  private final boolean hasAllowRules;

  private CelRuleSets(List<CelRuleSet> sets) {
    this.sets = List.copyOf(sets);
    this.hasRules = this.sets.stream().anyMatch(CelRuleSet::hasRules);
    this.hasAllowRules = this.sets.stream().anyMatch(CelRuleSet::hasAllowRules);
  }

  /** No rules: everything is allowed. */
  public static CelRuleSets none() {
    return NONE;
  }

  /** The merge of {@code sets}. */
  public static CelRuleSets of(List<CelRuleSet> sets) {
    return sets.isEmpty() ? NONE : new CelRuleSets(sets);
  }

  /** These rule sets and {@code other}'s, so that all of them apply. */
  public CelRuleSets merge(CelRuleSets other) {
    if (!other.hasRules) {
      return this;
    }
    if (!hasRules) {
      return other;
    }
    List<CelRuleSet> merged = new ArrayList<>(sets);
    merged.addAll(other.sets);
    return new CelRuleSets(merged);
  }

  /** Whether there is at least one rule; without any, {@link #allows} is always true. */
  public boolean hasRules() {
    return hasRules;
  }

  /** Whether the rules permit a request with these variables. */
  public boolean allows(CelActivation activation) {
    if (!hasRules) {
      return true;
    }
    for (CelRuleSet set : sets) {
      if (set.denies(activation)) {
        return false;
      }
    }
    for (CelRuleSet set : sets) {
      if (!set.requiresHold(activation)) {
        return false;
      }
    }
    for (CelRuleSet set : sets) {
      if (set.allows(activation)) {
        return true;
      }
    }
    // Deny and require rules alone make a deny list; any allow rule makes an allow list.
    return !hasAllowRules;
  }
}
