package dev.agentgateway.proxy.policy.cel;

import java.util.Objects;

/**
 * One authorization rule: a CEL expression and what its match means.
 *
 * @param mode what a match does
 * @param expression the compiled expression
 */
public record CelRule(Mode mode, CelExpression expression) {
  public CelRule {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(expression, "expression");
  }

  /** What a matching rule does, named as in upstream's config ({@code allow: <expr>}, ...). */
  public enum Mode {
    /** A match permits (a bare CEL string is an allow rule). */
    ALLOW("allow"),
    /**
     * A match denies. A rule that fails to evaluate does not deny, so upstream discourages this
     * mode; prefer {@link #REQUIRE}.
     */
    DENY("deny"),
    /** Must match, or the request is denied. */
    REQUIRE("require");

    private final String key;

    Mode(String key) {
      this.key = key;
    }

    /** The config key: {@code allow}, {@code deny} or {@code require}. */
    public String key() {
      return key;
    }
  }
}
