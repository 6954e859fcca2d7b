package dev.agentgateway.proxy.llm.policy;

import dev.agentgateway.proxy.llm.guard.HeaderEdits;
import dev.agentgateway.proxy.llm.guard.Rejection;

/** What the route's LLM policies decided about a body: go on (perhaps edited), or refuse. */
public sealed interface PolicyOutcome {
  /** Go on with the body, which {@code modified} says was edited in place. */
  record Proceed(boolean modified) implements PolicyOutcome {}

  /**
   * Refuse: answer with {@code status}, {@code body} (sent as written) and the header edits; the
   * body must not be sent on.
   */
  record Reject(int status, String body, HeaderEdits headers) implements PolicyOutcome {
    static Reject of(Rejection rejection) {
      return new Reject(rejection.status(), rejection.body(), rejection.headers());
    }
  }
}
