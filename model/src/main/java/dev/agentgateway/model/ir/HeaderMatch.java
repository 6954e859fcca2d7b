package dev.agentgateway.model.ir;

import java.util.Objects;

/** A request header condition; the name is matched case-insensitively. */
public record HeaderMatch(String name, ValueMatch value) {
  public HeaderMatch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
