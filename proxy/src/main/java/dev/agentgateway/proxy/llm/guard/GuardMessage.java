package dev.agentgateway.proxy.llm.guard;

import java.util.Objects;

/** One piece of text with its role, as the webhook contract's {@code Message}. */
public record GuardMessage(String role, String content) {
  /** Validates. */
  public GuardMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }
}
