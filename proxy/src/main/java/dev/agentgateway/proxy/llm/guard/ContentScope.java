package dev.agentgateway.proxy.llm.guard;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which parts of a request a request guard inspects (upstream's {@code scope} values). */
public enum ContentScope {
  /** System and developer prompts. */
  SYSTEM_PROMPT("systemPrompt"),
  /** User and assistant message text. */
  MESSAGES("messages"),
  /** Tool call results. */
  TOOL_OUTPUT("toolOutput"),
  /** Tool call arguments; OpenAI's are one JSON string, masked as text (it may stop being JSON). */
  TOOL_INPUT("toolInput");

  /** Upstream's default scope: system prompt and messages. */
  public static final Set<ContentScope> DEFAULT = EnumSet.of(SYSTEM_PROMPT, MESSAGES);

  private final String configName;

  ContentScope(String configName) {
    this.configName = configName;
  }

  /** The name in config. */
  public String configName() {
    return configName;
  }

  /**
   * The scopes named in config; upstream's default when {@code names} is null.
   *
   * @throws IllegalArgumentException on an unknown name or an empty list
   */
  public static Set<ContentScope> fromConfig(List<String> names) {
    if (names == null) {
      return DEFAULT;
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("scope: at least one entry is required");
    }
    EnumSet<ContentScope> scopes = EnumSet.noneOf(ContentScope.class);
    for (String name : names) {
      scopes.add(fromConfig(name));
    }
    return scopes;
  }

  private static ContentScope fromConfig(String name) {
    for (ContentScope s : values()) {
      if (s.configName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "scope: unknown '" + name + "' (expected systemPrompt, messages, toolOutput or toolInput)");
  }
}
