package dev.agentgateway.proxy.policy.jwt;

import java.util.Locale;

/** Whether a request must carry a valid JWT (upstream's {@code mode}). */
public enum JwtMode {
  /** A valid token from a configured issuer must be present. */
  STRICT,
  /** A token is validated when present; requests without one pass anonymously. */
  OPTIONAL,
  /** Never rejects: valid tokens yield claims for later policies, anything else is anonymous. */
  PERMISSIVE;

  /** The name in config files: {@code strict}, {@code optional}, {@code permissive}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode named {@code name} in a config file.
   *
   * @throws IllegalArgumentException an unknown name, with the accepted ones
   */
  public static JwtMode fromConfigName(String name) {
    for (JwtMode mode : values()) {
      if (mode.configName().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + name + "', expected one of strict, optional, permissive");
  }
}
