package dev.agentgateway.proxy.llm.guard;

import java.util.Objects;

/**
 * One upstream {@code promptGuard.response[]} entry: {@code regex} or {@code webhook}, and {@code
 * rejection}.
 */
public record ResponseGuard(RegexRules regex, Webhook webhook, Rejection rejection) {
  /** Validates; a null rejection means upstream's default. */
  public ResponseGuard {
    if ((regex == null) == (webhook == null)) {
      throw new IllegalArgumentException(
          "promptGuard.response[]: set exactly one of regex or webhook");
    }
    rejection = Objects.requireNonNullElse(rejection, Rejection.DEFAULT);
  }
}
