package dev.agentgateway.proxy.llm.guard;

/** What a webhook guard does when the webhook cannot answer: refuse (default) or let it through. */
public enum FailureMode {
  FAIL_CLOSED("failClosed"),
  FAIL_OPEN("failOpen");

  private final String configName;

  FailureMode(String configName) {
    this.configName = configName;
  }

  /** The name in config. */
  public String configName() {
    return configName;
  }

  /**
   * The mode named {@code name}; upstream's default ({@code failClosed}) when null.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FailureMode fromConfig(String name) {
    if (name == null) {
      return FAIL_CLOSED;
    }
    for (FailureMode m : values()) {
      if (m.configName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "failureMode: unknown '" + name + "' (expected failClosed or failOpen)");
  }
}
