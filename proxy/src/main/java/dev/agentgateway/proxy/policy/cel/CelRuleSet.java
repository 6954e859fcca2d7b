package dev.agentgateway.proxy.policy.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of one authorization policy, split by mode and compiled. Upstream's {@code RuleSet}:
 * the same shape serves MCP authorization and (later) HTTP and network authorization.
 */
public final class CelRuleSet {
  private final List<CelExpression> allow;
  private final List<CelExpression> deny;
  private final List<CelExpression> require;

  private CelRuleSet(
      List<CelExpression> allow, List<CelExpression> deny, List<CelExpression> require) {
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
    this.require = List.copyOf(require);
  }

  /** A rule set of {@code rules}, in any order. */
  public static CelRuleSet of(List<CelRule> rules) {
    List<CelExpression> allow = new ArrayList<>();
    List<CelExpression> deny = new ArrayList<>();
    List<CelExpression> require = new ArrayList<>();
    for (CelRule rule : rules) {
      switch (rule.mode()) {
        case ALLOW -> allow.add(rule.expression());
        case DENY -> deny.add(rule.expression());
        case REQUIRE -> require.add(rule.expression());
      }
    }
    return new CelRuleSet(allow, deny, require);
  }

  /**
   * Compiles the {@code rules} list of upstream's config: each item a CEL string (an allow rule) or
   * a map with one key, {@code allow}, {@code deny} or {@code require}, whose value is a CEL
   * string.
   *
   * @throws IllegalArgumentException naming the item ({@code rules[2].deny: ...}) if one is
   *     malformed or does not compile; a compile error keeps CEL's message and is the cause
   */
  public static CelRuleSet parse(List<?> rules, CelEngine engine) {
    List<CelRule> out = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      out.add(parseRule("rules[" + i + "]", rules.get(i), engine));
    }
    return of(out);
  }

  private static CelRule parseRule(String path, Object item, CelEngine engine) {
    if (item instanceof String expression) {
      return new CelRule(CelRule.Mode.ALLOW, compile(path, expression, engine));
    }
    if (!(item instanceof Map<?, ?> map) || map.size() != 1) {
      throw new IllegalArgumentException(
          path
              + ": expected a CEL string or a map with one key, allow, deny or require (got "
              + describe(item)
              + ")");
    }
    Map.Entry<?, ?> entry = map.entrySet().iterator().next();
    CelRule.Mode mode = modeOf(entry.getKey());
    if (mode == null) {
      throw new IllegalArgumentException(
          path + ": unknown key '" + entry.getKey() + "'; expected allow, deny or require");
    }
    String modePath = path + "." + mode.key();
    if (!(entry.getValue() instanceof String expression)) {
      throw new IllegalArgumentException(
          modePath + ": expected a CEL string (got " + describe(entry.getValue()) + ")");
    }
    return new CelRule(mode, compile(modePath, expression, engine));
  }

  private static CelExpression compile(String path, String expression, CelEngine engine) {
    try {
      return engine.compilePredicate(expression);
    } catch (CelCompileException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static CelRule.Mode modeOf(Object key) {
    for (CelRule.Mode mode : CelRule.Mode.values()) {
      if (mode.key().equals(key)) {
        return mode;
      }
    }
    return null;
  }

  private static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case Map<?, ?> map -> "a map with keys " + map.keySet();
      case List<?> list -> "a list";
      default -> value.getClass().getSimpleName();
    };
  }

  /** Whether there is at least one rule. */
  public boolean hasRules() {
    return !allow.isEmpty() || !deny.isEmpty() || !require.isEmpty();
  }

  boolean hasAllowRules() {
    return !allow.isEmpty();
  }

  boolean denies(CelActivation activation) {
    for (CelExpression rule : deny) {
      if (rule.matches(activation)) {
        return true;
      }
    }
    return false;
  }

  boolean requiresHold(CelActivation activation) {
    for (CelExpression rule : require) {
      if (!rule.matches(activation)) {
        return false;
      }
    }
    return true;
  }

  boolean allows(CelActivation activation) {
    for (CelExpression rule : allow) {
      if (rule.matches(activation)) {
        return true;
      }
    }
    return false;
  }

  /** Every expression, allow rules first, then deny, then require. */
  public List<CelExpression> expressions() {
    List<CelExpression> all = new ArrayList<>(allow.size() + deny.size() + require.size());
    all.addAll(allow);
    all.addAll(deny);
    all.addAll(require);
    return all;
  }
}
