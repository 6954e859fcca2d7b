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
    RetryPolicy retry) {

  /** No policies. */
  public static final RoutePolicies NONE =
      new RoutePolicies(null, null, null, null, null, null, null, null);
}
