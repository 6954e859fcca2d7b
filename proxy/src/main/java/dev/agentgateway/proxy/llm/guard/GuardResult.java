package dev.agentgateway.proxy.llm.guard;

/** What the guards decided about a body: go on (perhaps edited in place), or refuse. */
public sealed interface GuardResult {
  /** Go on; {@code modified} says whether the body was edited (masked) in place. */
  record Allowed(boolean modified) implements GuardResult {}

  /** Refuse with {@code rejection}; the body must not be sent on. */
  record Rejected(Rejection rejection) implements GuardResult {}
}
