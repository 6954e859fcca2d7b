package dev.agentgateway.model.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot be used, with every error found (not just the first). */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public ConfigException(String path, String message) {
    this(List.of(new ConfigError(path, message)));
  }

  /** Every error, in the order found. */
  public List<ConfigError> errors() {
    return errors;
  }
}
