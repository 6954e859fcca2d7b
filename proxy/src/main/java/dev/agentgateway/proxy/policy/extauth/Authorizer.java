package dev.agentgateway.proxy.policy.extauth;

/** One protocol's way of asking the authorization service. */
interface Authorizer {

  /**
   * Asks the service about {@code request}.
   *
   * @throws CheckFailedException when the service gave no decision (unreachable, error, timeout)
   */
  ExtAuthzOutcome check(AuthzRequest request) throws CheckFailedException;

  /** The service gave no decision; the policy's failure mode decides. */
  final class CheckFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CheckFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
