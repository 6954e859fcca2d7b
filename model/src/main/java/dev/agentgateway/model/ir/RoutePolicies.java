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
    LocalRateLimitPolicy localRateLimit,
    TransformationPolicy transformations,
    BufferPolicy buffer,
    ExtAuthzPolicy extAuthz,
    RemoteRateLimitPolicy remoteRateLimit,
    ApiKeyAuthPolicy apiKey,
    BasicAuthPolicy basicAuth,
    AuthorizationPolicy authorization,
    CsrfPolicy csrf,
    BackendTlsPolicy backendTls,
    BackendAuth backendAuth,
    BackendTcpPolicy backendTcp,
    BackendHttpPolicy backendHttp,
    HealthPolicy health) {

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
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A builder for policies with only some fields set, which most routes have. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets some fields of a {@link RoutePolicies}; the others stay {@code null}. */
  public static final class Builder {
    private HeaderModifier requestHeaderModifier;
    private HeaderModifier responseHeaderModifier;
    private RequestRedirect requestRedirect;
    private UrlRewrite urlRewrite;
    private RequestMirror requestMirror;
    private DirectResponse directResponse;
    private TimeoutPolicy timeout;
    private RetryPolicy retry;
    private JwtAuthPolicy jwtAuth;
    private McpAuthorizationPolicy mcpAuthorization;
    private McpAuthenticationPolicy mcpAuthentication;
    private CorsPolicy cors;
    private AiPolicy ai;
    private LocalRateLimitPolicy localRateLimit;
    private TransformationPolicy transformations;
    private BufferPolicy buffer;
    private ExtAuthzPolicy extAuthz;
    private RemoteRateLimitPolicy remoteRateLimit;
    private ApiKeyAuthPolicy apiKey;
    private BasicAuthPolicy basicAuth;
    private AuthorizationPolicy authorization;
    private CsrfPolicy csrf;
    private BackendTlsPolicy backendTls;
    private BackendAuth backendAuth;
    private BackendTcpPolicy backendTcp;
    private BackendHttpPolicy backendHttp;
    private HealthPolicy health;

    private Builder() {}

    public Builder requestHeaderModifier(HeaderModifier value) {
      this.requestHeaderModifier = value;
      return this;
    }

    public Builder responseHeaderModifier(HeaderModifier value) {
      this.responseHeaderModifier = value;
      return this;
    }

    public Builder requestRedirect(RequestRedirect value) {
      this.requestRedirect = value;
      return this;
    }

    public Builder urlRewrite(UrlRewrite value) {
      this.urlRewrite = value;
      return this;
    }

    public Builder requestMirror(RequestMirror value) {
      this.requestMirror = value;
      return this;
    }

    public Builder directResponse(DirectResponse value) {
      this.directResponse = value;
      return this;
    }

    public Builder timeout(TimeoutPolicy value) {
      this.timeout = value;
      return this;
    }

    public Builder retry(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    public Builder jwtAuth(JwtAuthPolicy value) {
      this.jwtAuth = value;
      return this;
    }

    public Builder mcpAuthorization(McpAuthorizationPolicy value) {
      this.mcpAuthorization = value;
      return this;
    }

    public Builder mcpAuthentication(McpAuthenticationPolicy value) {
      this.mcpAuthentication = value;
      return this;
    }

    public Builder cors(CorsPolicy value) {
      this.cors = value;
      return this;
    }

    public Builder ai(AiPolicy value) {
      this.ai = value;
      return this;
    }

    public Builder localRateLimit(LocalRateLimitPolicy value) {
      this.localRateLimit = value;
      return this;
    }

    public Builder transformations(TransformationPolicy value) {
      this.transformations = value;
      return this;
    }

    public Builder buffer(BufferPolicy value) {
      this.buffer = value;
      return this;
    }

    public Builder extAuthz(ExtAuthzPolicy value) {
      this.extAuthz = value;
      return this;
    }

    public Builder remoteRateLimit(RemoteRateLimitPolicy value) {
      this.remoteRateLimit = value;
      return this;
    }

    public Builder apiKey(ApiKeyAuthPolicy value) {
      this.apiKey = value;
      return this;
    }

    public Builder basicAuth(BasicAuthPolicy value) {
      this.basicAuth = value;
      return this;
    }

    public Builder authorization(AuthorizationPolicy value) {
      this.authorization = value;
      return this;
    }

    public Builder csrf(CsrfPolicy value) {
      this.csrf = value;
      return this;
    }

    public Builder backendTls(BackendTlsPolicy value) {
      this.backendTls = value;
      return this;
    }

    public Builder backendAuth(BackendAuth value) {
      this.backendAuth = value;
      return this;
    }

    public Builder backendTcp(BackendTcpPolicy value) {
      this.backendTcp = value;
      return this;
    }

    public Builder backendHttp(BackendHttpPolicy value) {
      this.backendHttp = value;
      return this;
    }

    public Builder health(HealthPolicy value) {
      this.health = value;
      return this;
    }

    public RoutePolicies build() {
      return new RoutePolicies(
          requestHeaderModifier,
          responseHeaderModifier,
          requestRedirect,
          urlRewrite,
          requestMirror,
          directResponse,
          timeout,
          retry,
          jwtAuth,
          mcpAuthorization,
          mcpAuthentication,
          cors,
          ai,
          localRateLimit,
          transformations,
          buffer,
          extAuthz,
          remoteRateLimit,
          apiKey,
          basicAuth,
          authorization,
          csrf,
          backendTls,
          backendAuth,
          backendTcp,
          backendHttp,
          health);
    }
  }
}
