package dev.agentgateway.model.ir;

import java.util.Objects;

/** A header name and value. */
public record HeaderValue(String name, String value) {
  public HeaderValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
