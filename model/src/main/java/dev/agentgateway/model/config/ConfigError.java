package dev.agentgateway.model.config;

import java.util.Objects;

/**
 * One problem in a config, located by its field path (e.g. {@code
 * binds[0].listeners[1].routes[2].matches[0].path.regex}).
 *
 * @param path where the problem is
 * @param message what is wrong
 */
public record ConfigError(String path, String message) {
  public ConfigError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
