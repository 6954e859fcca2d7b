package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.GatewayConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads an agentgateway standalone config file (YAML or JSON) into the IR. */
public final class LocalConfigLoader {
  private final Map<String, String> env;

  /**
   * @param env the environment used for {@code $VAR} expansion and overrides such as {@code
   *     ADMIN_ADDR}
   */
  public LocalConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Reads and validates {@code file}. */
  public GatewayConfig load(Path file) throws IOException, ConfigException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Validates config text. */
  public GatewayConfig parse(String text) throws ConfigException {
    throw new ConfigException(
        "", "loader not implemented yet (env has " + env.size() + " entries)");
  }
}
