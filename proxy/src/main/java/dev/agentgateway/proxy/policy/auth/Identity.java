package dev.agentgateway.proxy.policy.auth;

import java.util.Map;

/**
 * Who the local authentication policies found the caller to be: what CEL reads as {@code
 * basicAuth.*} and {@code apiKey.*}.
 *
 * @param basicAuth {@code {username}}, or null when basic auth did not authenticate the request
 * @param apiKey the key's metadata fields, or null when no key was accepted
 * @param apiKeyName the key's metadata {@code name}, for the access log, or null
 */
public record Identity(
    Map<String, Object> basicAuth, Map<String, Object> apiKey, String apiKeyName) {
  /** Nobody in particular. */
  public static final Identity NONE = new Identity(null, null, null);
}
