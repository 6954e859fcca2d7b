package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;

/**
 * {@code cors}: which browser origins may call the route, answered by the proxy itself for
 * preflights.
 *
 * @param allowCredentials send {@code Access-Control-Allow-Credentials: true}
 * @param allowHeaders {@code Access-Control-Allow-Headers} of an allowed preflight
 * @param allowMethods {@code Access-Control-Allow-Methods} of an allowed preflight
 * @param allowOrigins origins that get CORS headers; {@code *} matches any, and {@code
 *     https://*.example.com} any subdomain
 * @param exposeHeaders {@code Access-Control-Expose-Headers} of an allowed response
 * @param maxAge {@code Access-Control-Max-Age} of an allowed preflight, or null
 */
public record CorsPolicy(
    boolean allowCredentials,
    List<String> allowHeaders,
    List<String> allowMethods,
    List<String> allowOrigins,
    List<String> exposeHeaders,
    Duration maxAge) {
  public CorsPolicy {
    allowHeaders = List.copyOf(allowHeaders);
    allowMethods = List.copyOf(allowMethods);
    allowOrigins = List.copyOf(allowOrigins);
    exposeHeaders = List.copyOf(exposeHeaders);
    if (maxAge != null && maxAge.isNegative()) {
      throw new IllegalArgumentException("cors maxAge must not be negative");
    }
  }
}
