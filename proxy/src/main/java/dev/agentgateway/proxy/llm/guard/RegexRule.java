package dev.agentgateway.proxy.llm.guard;

/** One upstream {@code regex.rules[]} entry: exactly one of {@code builtin} or {@code pattern}. */
public record RegexRule(Builtin builtin, String pattern) {
  /** Validates that exactly one is set. */
  public RegexRule {
    if ((builtin == null) == (pattern == null)) {
      throw new IllegalArgumentException("rules[]: set exactly one of builtin or pattern");
    }
    if (pattern != null && pattern.isEmpty()) {
      throw new IllegalArgumentException("rules[].pattern: must not be empty");
    }
  }

  /** A builtin rule. */
  public static RegexRule of(Builtin builtin) {
    return new RegexRule(builtin, null);
  }

  /** A custom regular expression rule. */
  public static RegexRule of(String pattern) {
    return new RegexRule(null, pattern);
  }

  Detector detector() {
    return builtin != null ? builtin.detector() : Detector.custom(pattern);
  }
}
