package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * One listening port.
 *
 * @param key unique key, e.g. {@code bind/3000}
 * @param port the TCP port
 */
public record Bind(String key, int port) {
  public Bind {
    Objects.requireNonNull(key, "key");
  }
}
