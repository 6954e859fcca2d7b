package dev.agentgateway.model.config;

import java.util.ArrayList;
import java.util.List;

/** The state of one load: the errors found so far and the environment used for expansion. */
final class ReadContext {
  private final List<ConfigError> errors = new ArrayList<>();
  private final EnvExpander env;

  ReadContext(EnvExpander env) {
    this.env = env;
  }

  void error(String path, String message) {
    errors.add(new ConfigError(path, message));
  }

  /** The expanded text, or {@code null} after reporting why it cannot be expanded. */
  String expand(String text, String path) {
    return env.expand(text, path, errors);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<ConfigError> errors() {
    return List.copyOf(errors);
  }
}
