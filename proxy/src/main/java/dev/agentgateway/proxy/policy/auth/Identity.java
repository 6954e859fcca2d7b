package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.proxy.policy.cel.CelActivation;
import java.util.Map;

/**
 * Who the authentication policies found the caller to be: what CEL reads as {@code jwt.*}, {@code
 * basicAuth.*} and {@code apiKey.*}. Registered in the request's context, so every later CEL
 * expression of the request (authorization rules, transformations, rate-limit descriptors, MCP
 * authorization) reads the same caller through {@link #addTo}.
 *
 * @param basicAuth {@code {username}}, or null when basic auth did not authenticate the request
 * @param apiKey the key's metadata fields, or null when no key was accepted
 * @param apiKeyName the key's metadata {@code name}, for the access log, or null
 * @param jwt the validated token's claims, or null when JWT authentication gave none
 */
public record Identity(
    Map<String, Object> basicAuth,
    Map<String, Object> apiKey,
    String apiKeyName,
    Map<String, Object> jwt) {
  /** Nobody in particular. */
  public static final Identity NONE = new Identity(null, null, null, null);

  /** A caller known by basic auth or an API key only. */
  public Identity(Map<String, Object> basicAuth, Map<String, Object> apiKey, String apiKeyName) {
    this(basicAuth, apiKey, apiKeyName, null);
  }

  /** This identity with the claims of a validated token. */
  public Identity withJwt(Map<String, Object> claims) {
    return new Identity(basicAuth, apiKey, apiKeyName, claims);
  }

  /** The token's {@code sub} claim when it is a string, for the access log; else null. */
  public String jwtSubject() {
    return jwt != null && jwt.get("sub") instanceof String sub ? sub : null;
  }

  /** Sets {@code jwt}, {@code basicAuth} and {@code apiKey} for those this identity has. */
  public CelActivation.Builder addTo(CelActivation.Builder activation) {
    if (jwt != null) {
      activation.jwt(jwt);
    }
    if (basicAuth != null) {
      activation.basicAuth(basicAuth);
    }
    if (apiKey != null) {
      activation.apiKey(apiKey);
    }
    return activation;
  }
}
