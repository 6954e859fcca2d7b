package dev.agentgateway.proxy.llm.guard;

/** What a regex guard does on a match: replace it with its mask, or refuse the whole message. */
public enum RegexAction {
  MASK("mask"),
  REJECT("reject");

  private final String configName;

  RegexAction(String configName) {
    this.configName = configName;
  }

  /** The name in config. */
  public String configName() {
    return configName;
  }

  /**
   * The action named {@code name} in config.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RegexAction fromConfig(String name) {
    for (RegexAction a : values()) {
      if (a.configName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("action: unknown '" + name + "' (expected mask or reject)");
  }
}
