package dev.agentgateway.model.ir;

import java.util.Objects;

/** A query parameter condition; the name is matched exactly. */
public record QueryMatch(String name, ValueMatch value) {
  public QueryMatch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
