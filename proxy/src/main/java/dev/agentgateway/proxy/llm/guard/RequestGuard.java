package dev.agentgateway.proxy.llm.guard;

import java.util.Objects;
import java.util.Set;

/**
 * One upstream {@code promptGuard.request[]} entry: exactly one kind ({@code regex} or {@code
 * webhook}; the cloud moderation kinds are not built yet), its {@code rejection} and {@code scope}.
 */
public record RequestGuard(
    RegexRules regex, Webhook webhook, Rejection rejection, Set<ContentScope> scope) {
  /** Validates; null rejection and scope mean upstream's defaults. */
  public RequestGuard {
    if ((regex == null) == (webhook == null)) {
      throw new IllegalArgumentException(
          "promptGuard.request[]: set exactly one of regex or webhook");
    }
    rejection = Objects.requireNonNullElse(rejection, Rejection.DEFAULT);
    scope = scope == null ? ContentScope.DEFAULT : Set.copyOf(scope);
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("promptGuard.request[].scope: must not be empty");
    }
  }
}
