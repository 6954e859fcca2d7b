package dev.agentgateway.model.ir;

import java.util.Objects;

/** A header or query value condition. */
public sealed interface ValueMatch {

  /** The value equals {@code value}. */
  record Exact(String value) implements ValueMatch {
    public Exact {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The whole value matches the regular expression {@code pattern}. */
  record Regex(String pattern) implements ValueMatch {
    public Regex {
      Objects.requireNonNull(pattern, "pattern");
    }
  }
}
