package dev.agentgateway.model.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The state of one load: the errors found so far and the environment used for expansion. */
final class ReadContext {
  private final List<ConfigError> errors = new ArrayList<>();
  private final EnvExpander env;
  private final Path baseDir;

  ReadContext(EnvExpander env) {
    this(env, Path.of(""));
  }

  ReadContext(EnvExpander env, Path baseDir) {
    this.env = env;
    this.baseDir = baseDir;
  }

  /** What relative file names in the config resolve against. */
  Path baseDir() {
    return baseDir;
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
