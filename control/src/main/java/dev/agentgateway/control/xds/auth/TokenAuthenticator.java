package dev.agentgateway.control.xds.auth;

/** Checks a bearer token; may block (an API server round trip). */
@FunctionalInterface
public interface TokenAuthenticator {

  /**
   * The verdict on {@code token}.
   *
   * @throws ReviewUnavailableException when no verdict can be had right now (the API server is
   *     unreachable or failing); the caller should ask again later
   */
  Authentication authenticate(String token);
}
