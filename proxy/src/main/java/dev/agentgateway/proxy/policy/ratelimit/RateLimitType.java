package dev.agentgateway.proxy.policy.ratelimit;

/** What a bucket counts: one unit per request, or the LLM tokens a request used. */
public enum RateLimitType {
  REQUESTS("requests"),
  TOKENS("tokens");

  private final String configName;

  RateLimitType(String configName) {
    this.configName = configName;
  }

  /** The name in upstream's config ({@code requests} or {@code tokens}). */
  public String configName() {
    return configName;
  }

  /**
   * The type named {@code name} in the config.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RateLimitType fromConfig(String name) {
    for (RateLimitType type : values()) {
      if (type.configName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown rate limit type '" + name + "' (expected requests or tokens)");
  }
}
