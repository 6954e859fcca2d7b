package dev.agentgateway.proxy.llm.guard;

import java.util.Objects;

/** Upstream's {@code SimpleChatCompletionMessage}: a {@code role} and text {@code content}. */
public record ChatMessage(String role, String content) {
  /** Validates. */
  public ChatMessage {
    if (role == null || role.isBlank()) {
      throw new IllegalArgumentException("prompts[].role: required");
    }
    Objects.requireNonNull(content, "prompts[].content");
  }
}
