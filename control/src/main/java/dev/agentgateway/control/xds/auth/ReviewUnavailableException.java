package dev.agentgateway.control.xds.auth;

/** No verdict on a token could be had, for a reason that is not the token's fault. */
public final class ReviewUnavailableException extends RuntimeException {

  /** {@code message} must not contain the token. */
  public ReviewUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
