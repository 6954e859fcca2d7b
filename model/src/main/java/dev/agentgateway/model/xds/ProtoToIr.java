package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.CorsPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.model.xds.proto.Resource;
import java.util.List;
import java.util.Set;

/**
 * Proto to IR, validating as it goes: a resource from the wire can be anything, so every required
 * field, range and regular expression is checked and a failure is an {@link
 * InvalidResourceException} naming the resource and the field, never a NullPointerException. Proto
 * names are spelled in full here because the IR records share their simple names.
 */
public final class ProtoToIr {

  private ProtoToIr() {}

  /**
   * The IR value of a resource: a {@link Bind}, {@link Listener}, {@link Route}, {@link Backend},
   * {@link Policy} or {@link ServiceEndpoints}.
   *
   * @throws InvalidResourceException when the resource is empty or invalid
   */
  public static Object decode(Resource resource) {
    return switch (resource.getKindCase()) {
      case BIND -> bind(resource.getBind());
      case LISTENER -> listener(resource.getListener());
      case ROUTE -> route(resource.getRoute());
      case BACKEND -> backend(resource.getBackend());
      case POLICY -> policy(resource.getPolicy());
      case SERVICE_ENDPOINTS -> serviceEndpoints(resource.getServiceEndpoints());
      case KIND_NOT_SET -> throw new InvalidResourceException("resource", "kind", "not set");
    };
  }

  /** The IR bind. */
  public static Bind bind(dev.agentgateway.model.xds.proto.Bind p) {
    Fields f = Fields.keyed("bind", p.getKey());
    return new Bind(p.getKey(), f.port("port", p.getPort()));
  }

  /** The IR listener. */
  public static Listener listener(dev.agentgateway.model.xds.proto.Listener p) {
    Fields f = Fields.keyed("listener", p.getKey());
    String bindKey = f.required("bind_key", p.getBindKey());
    ListenerProtocol protocol = protocol(f, p.getProtocol());
    ListenerTls tls = p.hasTls() ? TlsProto.listenerTls(f, "tls", p.getTls()) : null;
    return f.checked(
        "tls",
        () ->
            new Listener(
                p.getKey(),
                bindKey,
                p.getName(),
                p.hasHostname() ? p.getHostname() : null,
                protocol,
                tls));
  }

  private static ListenerProtocol protocol(
      Fields f, dev.agentgateway.model.xds.proto.Listener.Protocol protocol) {
    return switch (protocol) {
      case PROTOCOL_UNSPECIFIED, HTTP -> ListenerProtocol.HTTP;
      case HTTPS -> ListenerProtocol.HTTPS;
      case TLS -> ListenerProtocol.TLS;
      case TCP -> ListenerProtocol.TCP;
      case HBONE -> ListenerProtocol.HBONE;
      case UNRECOGNIZED -> throw f.fail("protocol", "unknown value");
    };
  }

  /** The IR route. */
  public static Route route(dev.agentgateway.model.xds.proto.Route p) {
    Fields f = Fields.keyed("route", p.getKey());
    List<RouteMatch> matches = f.list("matches", p.getMatchesList(), (at, m) -> match(f, at, m));
    List<RouteBackend> backends =
        f.list(
            "backends",
            p.getBackendsList(),
            (at, rb) -> {
              if (rb.getWeight() < 0) {
                throw f.fail(at + ".weight", "must be >= 0, got " + rb.getWeight());
              }
              return new RouteBackend(
                  f.backend(at + ".backend", rb.hasBackend(), rb.getBackend()), rb.getWeight());
            });
    f.list("hostnames", p.getHostnamesList(), f::required);
    return new Route(
        p.getKey(),
        f.required("listener_key", p.getListenerKey()),
        p.getName(),
        p.getNamespace(),
        p.getRuleName(),
        p.getHostnamesList(),
        matches,
        p.hasPolicies() ? PolicyDecoder.policies(f, "policies", p.getPolicies()) : null,
        backends,
        p.getOrder());
  }

  private static RouteMatch match(
      Fields f, String at, dev.agentgateway.model.xds.proto.RouteMatch p) {
    List<HeaderMatch> headers =
        f.list(
            at + ".headers",
            p.getHeadersList(),
            (h, m) ->
                new HeaderMatch(
                    f.required(h + ".name", m.getName()), value(f, h + ".value", m.getValue())));
    List<QueryMatch> query =
        f.list(
            at + ".query",
            p.getQueryList(),
            (q, m) ->
                new QueryMatch(
                    f.required(q + ".name", m.getName()), value(f, q + ".value", m.getValue())));
    String method = p.hasMethod() ? f.required(at + ".method", p.getMethod()) : null;
    return new RouteMatch(
        p.hasPath() ? path(f, at + ".path", p.getPath()) : null, method, headers, query);
  }

  private static PathMatch path(Fields f, String at, dev.agentgateway.model.xds.proto.PathMatch p) {
    return switch (p.getKindCase()) {
      case EXACT -> new PathMatch.Exact(p.getExact());
      case PREFIX -> new PathMatch.Prefix(p.getPrefix());
      case REGEX -> new PathMatch.Regex(f.regex(at + ".regex", p.getRegex()));
      case KIND_NOT_SET -> throw f.fail(at, "no kind set (exact, prefix or regex)");
    };
  }

  private static dev.agentgateway.model.ir.ValueMatch value(
      Fields f, String at, dev.agentgateway.model.xds.proto.ValueMatch p) {
    return switch (p.getKindCase()) {
      case EXACT -> new dev.agentgateway.model.ir.ValueMatch.Exact(p.getExact());
      case REGEX ->
          new dev.agentgateway.model.ir.ValueMatch.Regex(f.regex(at + ".regex", p.getRegex()));
      case KIND_NOT_SET -> throw f.fail(at, "no kind set (exact or regex)");
    };
  }

  /** The IR backend. */
  public static Backend backend(dev.agentgateway.model.xds.proto.Backend p) {
    String name =
        switch (p.getKindCase()) {
          case HOST -> p.getHost().getHostname() + ":" + p.getHost().getPort();
          case SERVICE ->
              serviceName(
                  p.getService().getNamespace(),
                  p.getService().getName(),
                  p.getService().getPort());
          case A2A -> "a2a";
          case MCP -> p.getMcp().getName();
          case AI -> p.getAi().getName();
          case KIND_NOT_SET -> "<no kind>";
        };
    return new Fields("backend/" + name).backend("backend", true, p);
  }

  /** The IR endpoints of a Service port. */
  public static ServiceEndpoints serviceEndpoints(
      dev.agentgateway.model.xds.proto.ServiceEndpoints p) {
    Fields f = new Fields("endpoints/" + serviceName(p.getNamespace(), p.getName(), p.getPort()));
    String namespace = f.nonBlank("namespace", p.getNamespace());
    String name = f.nonBlank("name", p.getName());
    int port = f.port("port", p.getPort());
    List<ServiceEndpoints.Endpoint> endpoints =
        f.list(
            "endpoints",
            p.getEndpointsList(),
            (at, e) ->
                new ServiceEndpoints.Endpoint(
                    f.nonBlank(at + ".address", e.getAddress()),
                    f.port(at + ".port", e.getPort())));
    return new ServiceEndpoints(namespace, name, port, endpoints);
  }

  private static String serviceName(String namespace, String name, int port) {
    return namespace + "/" + name + ":" + port;
  }

  /** The IR policy. */
  public static Policy policy(dev.agentgateway.model.xds.proto.Policy p) {
    Fields f = Fields.keyed("policy", p.getKey());
    if (!p.hasTarget()) {
      throw f.fail("target", "required");
    }
    dev.agentgateway.model.xds.proto.PolicyTarget t = p.getTarget();
    PolicyTarget.Kind kind =
        switch (t.getKind()) {
          case GATEWAY -> PolicyTarget.Kind.GATEWAY;
          case LISTENER -> PolicyTarget.Kind.LISTENER;
          case ROUTE -> PolicyTarget.Kind.ROUTE;
          case BACKEND -> PolicyTarget.Kind.BACKEND;
          case KIND_UNSPECIFIED -> throw f.fail("target.kind", "required");
          case UNRECOGNIZED -> throw f.fail("target.kind", "unknown value");
        };
    PolicyTarget target =
        new PolicyTarget(
            kind, f.required("target.name", t.getName()), t.hasSection() ? t.getSection() : null);
    if (!p.hasPolicy()) {
      throw f.fail("policy", "required");
    }
    Policy.Phase phase =
        switch (p.getPhase()) {
          case POLICY_PHASE_UNSPECIFIED, POLICY_PHASE_ROUTE -> Policy.Phase.ROUTE;
          case POLICY_PHASE_GATEWAY -> Policy.Phase.GATEWAY;
          case UNRECOGNIZED -> throw f.fail("phase", "unknown value");
        };
    Policy.Inheritance inheritance =
        switch (p.getInheritance()) {
          case POLICY_INHERITANCE_UNSPECIFIED, POLICY_INHERITANCE_DEFAULT ->
              Policy.Inheritance.DEFAULT;
          case POLICY_INHERITANCE_OVERRIDE -> Policy.Inheritance.OVERRIDE;
          case UNRECOGNIZED -> throw f.fail("inheritance", "unknown value");
        };
    RoutePolicies fields = PolicyDecoder.policies(f, "policy", p.getPolicy());
    var frontend = p.hasFrontend() ? FrontendProto.frontend(f, "frontend", p.getFrontend()) : null;
    try {
      return new Policy(
          p.getKey(),
          p.hasName() ? p.getName() : null,
          target,
          fields,
          phase,
          inheritance,
          frontend);
    } catch (IllegalArgumentException e) {
      throw f.fail("phase", e.getMessage());
    }
  }

  /** Decodes the members of {@code RoutePolicies}. */
  private static final class PolicyDecoder {

    private PolicyDecoder() {}

    static RoutePolicies policies(
        Fields f, String at, dev.agentgateway.model.xds.proto.RoutePolicies p) {
      return new RoutePolicies(
          p.hasRequestHeaderModifier()
              ? headers(f, at + ".request_header_modifier", p.getRequestHeaderModifier())
              : null,
          p.hasResponseHeaderModifier()
              ? headers(f, at + ".response_header_modifier", p.getResponseHeaderModifier())
              : null,
          p.hasRequestRedirect()
              ? redirect(f, at + ".request_redirect", p.getRequestRedirect())
              : null,
          p.hasUrlRewrite() ? urlRewrite(f, at + ".url_rewrite", p.getUrlRewrite()) : null,
          p.hasRequestMirror() ? mirror(f, at + ".request_mirror", p.getRequestMirror()) : null,
          p.hasDirectResponse()
              ? new DirectResponse(
                  f.range(
                      at + ".direct_response.status", p.getDirectResponse().getStatus(), 100, 999),
                  p.getDirectResponse().getBody(),
                  p.getDirectResponse().hasBodyExpression()
                      ? f.nonBlank(
                          at + ".direct_response.body_expression",
                          p.getDirectResponse().getBodyExpression())
                      : null)
              : null,
          p.hasTimeout() ? timeout(f, at + ".timeout", p.getTimeout()) : null,
          p.hasRetry() ? retry(f, at + ".retry", p.getRetry()) : null,
          p.hasJwtAuth() ? AuthPoliciesProto.jwtAuth(f, at + ".jwt_auth", p.getJwtAuth()) : null,
          p.hasMcpAuthorization()
              ? AuthPoliciesProto.mcpAuthorization(
                  f, at + ".mcp_authorization", p.getMcpAuthorization())
              : null,
          p.hasMcpAuthentication()
              ? AuthPoliciesProto.mcpAuthentication(
                  f, at + ".mcp_authentication", p.getMcpAuthentication())
              : null,
          p.hasCors() ? cors(f, at + ".cors", p.getCors()) : null,
          p.hasAi() ? AiPoliciesProto.ai(f, at + ".ai", p.getAi()) : null,
          p.hasLocalRateLimit()
              ? AiPoliciesProto.localRateLimit(f, at + ".local_rate_limit", p.getLocalRateLimit())
              : null,
          p.hasTransformations()
              ? TransformPoliciesProto.transformations(
                  f, at + ".transformations", p.getTransformations())
              : null,
          p.hasBuffer() ? TransformPoliciesProto.buffer(f, at + ".buffer", p.getBuffer()) : null,
          p.hasExtAuthz()
              ? ExtAuthPoliciesProto.extAuthz(f, at + ".ext_authz", p.getExtAuthz())
              : null,
          p.hasRemoteRateLimit()
              ? ExtAuthPoliciesProto.remoteRateLimit(
                  f, at + ".remote_rate_limit", p.getRemoteRateLimit())
              : null,
          p.hasApiKey() ? LocalAuthProto.apiKey(f, at + ".api_key", p.getApiKey()) : null,
          p.hasBasicAuth()
              ? LocalAuthProto.basicAuth(f, at + ".basic_auth", p.getBasicAuth())
              : null,
          p.hasAuthorization()
              ? LocalAuthProto.authorization(f, at + ".authorization", p.getAuthorization())
              : null,
          p.hasCsrf() ? LocalAuthProto.csrf(f, at + ".csrf", p.getCsrf()) : null,
          p.hasBackendTls() ? TlsProto.backendTls(f, at + ".backend_tls", p.getBackendTls()) : null,
          p.hasBackendAuth()
              ? new AgentBackendsToIr(f).auth(at + ".backend_auth", p.getBackendAuth())
              : null,
          p.hasBackendTcp()
              ? BackendPoliciesProto.tcp(f, at + ".backend_tcp", p.getBackendTcp())
              : null,
          p.hasBackendHttp()
              ? BackendPoliciesProto.http(f, at + ".backend_http", p.getBackendHttp())
              : null,
          p.hasHealth() ? BackendPoliciesProto.health(f, at + ".health", p.getHealth()) : null);
    }

    private static CorsPolicy cors(Fields f, String at, dev.agentgateway.model.xds.proto.Cors p) {
      return f.checked(
          at,
          () ->
              new CorsPolicy(
                  p.getAllowCredentials(),
                  p.getAllowHeadersList(),
                  p.getAllowMethodsList(),
                  p.getAllowOriginsList(),
                  p.getExposeHeadersList(),
                  p.hasMaxAge() ? f.duration(at + ".max_age", p.getMaxAge()) : null));
    }

    private static HeaderModifier headers(
        Fields f, String at, dev.agentgateway.model.xds.proto.HeaderModifier p) {
      f.list(at + ".remove", p.getRemoveList(), f::required);
      return new HeaderModifier(
          f.list(at + ".add", p.getAddList(), (h, v) -> headerValue(f, h, v)),
          f.list(at + ".set", p.getSetList(), (h, v) -> headerValue(f, h, v)),
          p.getRemoveList());
    }

    private static HeaderValue headerValue(
        Fields f, String at, dev.agentgateway.model.xds.proto.HeaderValue v) {
      return new HeaderValue(f.required(at + ".name", v.getName()), v.getValue());
    }

    private static RequestRedirect redirect(
        Fields f, String at, dev.agentgateway.model.xds.proto.RequestRedirect p) {
      return new RequestRedirect(
          p.hasScheme() ? f.required(at + ".scheme", p.getScheme()) : null,
          p.hasAuthority() ? authority(f, at + ".authority", p.getAuthority()) : null,
          p.hasPath() ? path(f, at + ".path", p.getPath()) : null,
          p.hasStatus() ? f.range(at + ".status", p.getStatus(), 300, 399) : null);
    }

    private static UrlRewrite urlRewrite(
        Fields f, String at, dev.agentgateway.model.xds.proto.UrlRewrite p) {
      return new UrlRewrite(
          p.hasAuthority() ? authority(f, at + ".authority", p.getAuthority()) : null,
          p.hasPath() ? path(f, at + ".path", p.getPath()) : null);
    }

    private static AuthorityRewrite authority(
        Fields f, String at, dev.agentgateway.model.xds.proto.AuthorityRewrite p) {
      return switch (p.getKindCase()) {
        case FULL -> new AuthorityRewrite.Full(f.required(at + ".full", p.getFull()));
        case HOST -> new AuthorityRewrite.Host(f.required(at + ".host", p.getHost()));
        case PORT -> new AuthorityRewrite.Port(f.port(at + ".port", p.getPort()));
        case AUTO -> new AuthorityRewrite.Auto();
        case NONE -> new AuthorityRewrite.None();
        case KIND_NOT_SET -> throw f.fail(at, "no kind set (full, host, port, auto or none)");
      };
    }

    private static PathRewrite path(
        Fields f, String at, dev.agentgateway.model.xds.proto.PathRewrite p) {
      return switch (p.getKindCase()) {
        case FULL -> new PathRewrite.Full(p.getFull());
        case PREFIX -> new PathRewrite.Prefix(p.getPrefix());
        case KIND_NOT_SET -> throw f.fail(at, "no kind set (full or prefix)");
      };
    }

    private static RequestMirror mirror(
        Fields f, String at, dev.agentgateway.model.xds.proto.RequestMirror p) {
      double pct = p.getPercentage();
      if (!(pct >= 0 && pct <= 1)) {
        throw f.fail(at + ".percentage", "must be between 0 and 1, got " + pct);
      }
      return new RequestMirror(f.backend(at + ".backend", p.hasBackend(), p.getBackend()), pct);
    }

    private static TimeoutPolicy timeout(
        Fields f, String at, dev.agentgateway.model.xds.proto.TimeoutPolicy p) {
      return new TimeoutPolicy(
          p.hasRequestTimeout() ? f.duration(at + ".request_timeout", p.getRequestTimeout()) : null,
          p.hasBackendRequestTimeout()
              ? f.duration(at + ".backend_request_timeout", p.getBackendRequestTimeout())
              : null);
    }

    private static RetryPolicy retry(
        Fields f, String at, dev.agentgateway.model.xds.proto.RetryPolicy p) {
      List<Integer> codes =
          f.list(at + ".codes", p.getCodesList(), (c, code) -> f.range(c, code, 100, 999));
      return new RetryPolicy(
          f.range(at + ".attempts", p.getAttempts(), 1, 255),
          p.hasBackoff() ? f.duration(at + ".backoff", p.getBackoff()) : null,
          Set.copyOf(codes),
          p.hasPrecondition() ? f.nonBlank(at + ".precondition", p.getPrecondition()) : null,
          p.hasCondition() ? f.nonBlank(at + ".condition", p.getCondition()) : null);
    }
  }
}
