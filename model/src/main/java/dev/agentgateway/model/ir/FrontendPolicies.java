package dev.agentgateway.model.ir;

/**
 * Policies on how traffic enters the proxy, per bind or listener ({@code frontend} of an
 * AgentgatewayPolicy, {@code frontendPolicies} in standalone config). Each part is null when not
 * set. Merging is by part and not deep, as upstream: a more specific policy's {@code tls} replaces
 * a less specific one's whole {@code tls}, and leaves its {@code tcp} alone.
 *
 * @param http downstream HTTP limits
 * @param tcp TCP keepalive on accepted connections
 * @param tls TLS options of the HTTPS listeners
 * @param accessLog access log filter and fields
 * @param tracing where and when request spans are exported
 */
public record FrontendPolicies(
    FrontendHttp http,
    TcpKeepalive tcp,
    FrontendTls tls,
    AccessLogPolicy accessLog,
    TracingConfig tracing) {

  /** No part set. */
  public static final FrontendPolicies NONE = new FrontendPolicies(null, null, null, null, null);

  /** Whether no part is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** These policies with every part {@code over} sets taking the place of this one's. */
  public FrontendPolicies merge(FrontendPolicies over) {
    if (over == null) {
      return this;
    }
    return new FrontendPolicies(
        over.http != null ? over.http : http,
        over.tcp != null ? over.tcp : tcp,
        over.tls != null ? over.tls : tls,
        over.accessLog != null ? over.accessLog : accessLog,
        over.tracing != null ? over.tracing : tracing);
  }
}
