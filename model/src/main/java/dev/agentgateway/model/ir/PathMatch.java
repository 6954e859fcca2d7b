package dev.agentgateway.model.ir;

import java.util.Objects;

/** A path condition: exact, prefix (segment-aware) or regular expression (full match). */
public sealed interface PathMatch {

  /** The path equals {@code value}. */
  record Exact(String value) implements PathMatch {
    public Exact {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The path starts with {@code value} at a segment boundary. */
  record Prefix(String value) implements PathMatch {
    public Prefix {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The whole path matches the regular expression {@code pattern}. */
  record Regex(String pattern) implements PathMatch {
    public Regex {
      Objects.requireNonNull(pattern, "pattern");
    }
  }
}
