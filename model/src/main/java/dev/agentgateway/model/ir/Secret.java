package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * A credential (an API key, a secret access key); {@link #toString()} and the config dump never
 * show it, so it cannot reach a log by accident.
 *
 * @param value the secret text, never empty
 */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
  }

  @Override
  public String toString() {
    return "Secret[<redacted>]";
  }
}
