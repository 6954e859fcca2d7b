package dev.agentgateway.proxy.policy.auth;

import java.util.Map;

/** What one authentication policy made of a request. */
sealed interface Check permits Denial, Check.Accepted, Check.Anonymous {
  /** Go on without an identity from this policy. */
  Check ANONYMOUS = new Anonymous();

  /**
   * Authenticated.
   *
   * @param attributes what CEL reads under the policy's variable
   * @param name a name for the access log, or null
   */
  record Accepted(Map<String, Object> attributes, String name) implements Check {}

  /** No credential, and the mode lets the request through. */
  record Anonymous() implements Check {}
}
