package dev.agentgateway.model.ir;

/**
 * The policies a route (or a top-level {@link Policy}) may carry; each field is {@code null} when
 * absent.
 */
public record RoutePolicies(
    HeaderModifier requestHeaderModifier,
    HeaderModifier responseHeaderModifier,
    RequestRedirect requestRedirect,
    UrlRewrite urlRewrite,
    RequestMirror requestMirror,
    DirectResponse directResponse,
    TimeoutPolicy timeout,
    RetryPolicy retry,
    JwtAuthPolicy jwtAuth,
    McpAuthorizationPolicy mcpAuthorization,
    McpAuthenticationPolicy mcpAuthentication,
    CorsPolicy cors,
    AiPolicy ai,
    LocalRateLimitPolicy localRateLimit) {

  /** No policies. */
  public static final RoutePolicies NONE =
      new RoutePolicies(null, null, null, null, null, null, null, null);

  /** The HTTP policies only (no authentication or MCP authorization). */
  public RoutePolicies(
      HeaderModifier requestHeaderModifier,
      HeaderModifier responseHeaderModifier,
      RequestRedirect requestRedirect,
      UrlRewrite urlRewrite,
      RequestMirror requestMirror,
      DirectResponse directResponse,
      TimeoutPolicy timeout,
      RetryPolicy retry) {
    this(
        requestHeaderModifier,
        responseHeaderModifier,
        requestRedirect,
        urlRewrite,
        requestMirror,
        directResponse,
        timeout,
        retry,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
