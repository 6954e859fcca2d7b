package dev.agentgateway.model.xds;

import com.google.protobuf.Empty;
import dev.agentgateway.model.ir.CorsPolicy;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.xds.proto.AuthorityRewrite;
import dev.agentgateway.model.xds.proto.Backend;
import dev.agentgateway.model.xds.proto.Bind;
import dev.agentgateway.model.xds.proto.DirectResponse;
import dev.agentgateway.model.xds.proto.HeaderMatch;
import dev.agentgateway.model.xds.proto.HeaderModifier;
import dev.agentgateway.model.xds.proto.HeaderValue;
import dev.agentgateway.model.xds.proto.Listener;
import dev.agentgateway.model.xds.proto.PathMatch;
import dev.agentgateway.model.xds.proto.PathRewrite;
import dev.agentgateway.model.xds.proto.Policy;
import dev.agentgateway.model.xds.proto.PolicyTarget;
import dev.agentgateway.model.xds.proto.QueryMatch;
import dev.agentgateway.model.xds.proto.RequestMirror;
import dev.agentgateway.model.xds.proto.RequestRedirect;
import dev.agentgateway.model.xds.proto.Resource;
import dev.agentgateway.model.xds.proto.RetryPolicy;
import dev.agentgateway.model.xds.proto.Route;
import dev.agentgateway.model.xds.proto.RouteBackend;
import dev.agentgateway.model.xds.proto.RouteMatch;
import dev.agentgateway.model.xds.proto.RoutePolicies;
import dev.agentgateway.model.xds.proto.ServiceEndpoints;
import dev.agentgateway.model.xds.proto.TimeoutPolicy;
import dev.agentgateway.model.xds.proto.UrlRewrite;
import dev.agentgateway.model.xds.proto.ValueMatch;
import java.time.Duration;

/**
 * IR to proto. Total: every valid IR value has a proto form, and {@link ProtoToIr} reads it back
 * equal. IR names are spelled in full here because the proto messages share their simple names.
 */
public final class IrToProto {

  private IrToProto() {}

  /**
   * The resource of any resource value.
   *
   * @throws IllegalArgumentException when {@code ir} is not one ({@link XdsResources#isResource})
   */
  public static Resource resourceOf(Object ir) {
    return switch (ir) {
      case dev.agentgateway.model.ir.Bind b -> resource(b);
      case dev.agentgateway.model.ir.Listener l -> resource(l);
      case dev.agentgateway.model.ir.Route r -> resource(r);
      case dev.agentgateway.model.ir.Backend b -> resource(b);
      case dev.agentgateway.model.ir.Policy p -> resource(p);
      case dev.agentgateway.model.ir.ServiceEndpoints e -> resource(e);
      default -> throw XdsResources.notAResource(ir);
    };
  }

  /** A bind as a {@link Resource}. */
  public static Resource resource(dev.agentgateway.model.ir.Bind bind) {
    return Resource.newBuilder().setBind(bind(bind)).build();
  }

  /** A listener as a {@link Resource}. */
  public static Resource resource(dev.agentgateway.model.ir.Listener listener) {
    return Resource.newBuilder().setListener(listener(listener)).build();
  }

  /** A route as a {@link Resource}. */
  public static Resource resource(dev.agentgateway.model.ir.Route route) {
    return Resource.newBuilder().setRoute(route(route)).build();
  }

  /** A backend as a {@link Resource}. */
  public static Resource resource(dev.agentgateway.model.ir.Backend backend) {
    return Resource.newBuilder().setBackend(backend(backend)).build();
  }

  /** A policy as a {@link Resource}. */
  public static Resource resource(dev.agentgateway.model.ir.Policy policy) {
    return Resource.newBuilder().setPolicy(policy(policy)).build();
  }

  /** Service endpoints as a {@link Resource}. */
  public static Resource resource(dev.agentgateway.model.ir.ServiceEndpoints endpoints) {
    return Resource.newBuilder().setServiceEndpoints(serviceEndpoints(endpoints)).build();
  }

  /** The proto form of the endpoints of a Service port, in the IR's order. */
  public static ServiceEndpoints serviceEndpoints(
      dev.agentgateway.model.ir.ServiceEndpoints endpoints) {
    ServiceEndpoints.Builder b =
        ServiceEndpoints.newBuilder()
            .setNamespace(endpoints.namespace())
            .setName(endpoints.name())
            .setPort(endpoints.port());
    for (dev.agentgateway.model.ir.ServiceEndpoints.Endpoint e : endpoints.endpoints()) {
      b.addEndpoints(
          ServiceEndpoints.Endpoint.newBuilder().setAddress(e.address()).setPort(e.port()));
    }
    return b.build();
  }

  /** The proto form of a bind. */
  public static Bind bind(dev.agentgateway.model.ir.Bind bind) {
    return Bind.newBuilder().setKey(bind.key()).setPort(bind.port()).build();
  }

  /** The proto form of a listener. */
  public static Listener listener(dev.agentgateway.model.ir.Listener listener) {
    Listener.Builder b =
        Listener.newBuilder()
            .setKey(listener.key())
            .setBindKey(listener.bindKey())
            .setName(listener.name())
            .setProtocol(protocol(listener.protocol()));
    if (listener.hostname() != null) {
      b.setHostname(listener.hostname());
    }
    if (listener.tls() != null) {
      b.setTls(TlsProto.listenerTls(listener.tls()));
    }
    return b.build();
  }

  private static Listener.Protocol protocol(ListenerProtocol protocol) {
    return switch (protocol) {
      case HTTP -> Listener.Protocol.HTTP;
      case HTTPS -> Listener.Protocol.HTTPS;
      case TLS -> Listener.Protocol.TLS;
      case TCP -> Listener.Protocol.TCP;
      case HBONE -> Listener.Protocol.HBONE;
    };
  }

  /** The proto form of a route. */
  public static Route route(dev.agentgateway.model.ir.Route route) {
    Route.Builder b =
        Route.newBuilder()
            .setKey(route.key())
            .setListenerKey(route.listenerKey())
            .setName(route.name())
            .setNamespace(route.namespace())
            .setRuleName(route.ruleName())
            .addAllHostnames(route.hostnames())
            .setPolicies(policies(route.policies()))
            .setOrder(route.order());
    route.matches().forEach(m -> b.addMatches(match(m)));
    route.backends().forEach(rb -> b.addBackends(routeBackend(rb)));
    return b.build();
  }

  private static RouteMatch match(dev.agentgateway.model.ir.RouteMatch match) {
    RouteMatch.Builder b = RouteMatch.newBuilder().setPath(path(match.path()));
    if (match.method() != null) {
      b.setMethod(match.method());
    }
    match.headers().forEach(h -> b.addHeaders(header(h)));
    match.query().forEach(q -> b.addQuery(query(q)));
    return b.build();
  }

  private static PathMatch path(dev.agentgateway.model.ir.PathMatch path) {
    return switch (path) {
      case dev.agentgateway.model.ir.PathMatch.Exact e ->
          PathMatch.newBuilder().setExact(e.value()).build();
      case dev.agentgateway.model.ir.PathMatch.Prefix p ->
          PathMatch.newBuilder().setPrefix(p.value()).build();
      case dev.agentgateway.model.ir.PathMatch.Regex r ->
          PathMatch.newBuilder().setRegex(r.pattern()).build();
    };
  }

  private static HeaderMatch header(dev.agentgateway.model.ir.HeaderMatch header) {
    return HeaderMatch.newBuilder().setName(header.name()).setValue(value(header.value())).build();
  }

  private static QueryMatch query(dev.agentgateway.model.ir.QueryMatch query) {
    return QueryMatch.newBuilder().setName(query.name()).setValue(value(query.value())).build();
  }

  private static ValueMatch value(dev.agentgateway.model.ir.ValueMatch value) {
    return switch (value) {
      case dev.agentgateway.model.ir.ValueMatch.Exact e ->
          ValueMatch.newBuilder().setExact(e.value()).build();
      case dev.agentgateway.model.ir.ValueMatch.Regex r ->
          ValueMatch.newBuilder().setRegex(r.pattern()).build();
    };
  }

  private static RouteBackend routeBackend(dev.agentgateway.model.ir.RouteBackend rb) {
    return RouteBackend.newBuilder()
        .setBackend(backend(rb.backend()))
        .setWeight(rb.weight())
        .build();
  }

  /** The proto form of a backend. */
  public static Backend backend(dev.agentgateway.model.ir.Backend backend) {
    return switch (backend) {
      case dev.agentgateway.model.ir.Backend.Host h ->
          Backend.newBuilder()
              .setHost(Backend.Host.newBuilder().setHostname(h.hostname()).setPort(h.port()))
              .build();
      case dev.agentgateway.model.ir.Backend.Service s ->
          Backend.newBuilder()
              .setService(
                  Backend.Service.newBuilder()
                      .setNamespace(s.namespace())
                      .setName(s.serviceName())
                      .setPort(s.port()))
              .build();
      case dev.agentgateway.model.ir.Backend.A2a a ->
          Backend.newBuilder()
              .setA2A(Backend.A2a.newBuilder().setUpstream(backend(a.upstream())))
              .build();
      case dev.agentgateway.model.ir.Backend.Mcp m ->
          Backend.newBuilder().setMcp(AgentBackendsToProto.mcp(m)).build();
      case dev.agentgateway.model.ir.Backend.Ai ai ->
          Backend.newBuilder().setAi(AgentBackendsToProto.ai(ai)).build();
    };
  }

  /** The proto form of a policy. */
  public static Policy policy(dev.agentgateway.model.ir.Policy policy) {
    dev.agentgateway.model.ir.PolicyTarget target = policy.target();
    PolicyTarget.Builder t =
        PolicyTarget.newBuilder()
            .setKind(PolicyTarget.Kind.valueOf(target.kind().name()))
            .setName(target.name());
    if (target.section() != null) {
      t.setSection(target.section());
    }
    Policy.Builder b =
        Policy.newBuilder().setKey(policy.key()).setTarget(t).setPolicy(policies(policy.policy()));
    if (policy.name() != null) {
      b.setName(policy.name());
    }
    // Defaults stay unset, so policies that use neither read on the wire as before.
    if (policy.phase() == dev.agentgateway.model.ir.Policy.Phase.GATEWAY) {
      b.setPhase(dev.agentgateway.model.xds.proto.PolicyPhase.POLICY_PHASE_GATEWAY);
    }
    if (policy.inheritance() == dev.agentgateway.model.ir.Policy.Inheritance.OVERRIDE) {
      b.setInheritance(
          dev.agentgateway.model.xds.proto.PolicyInheritance.POLICY_INHERITANCE_OVERRIDE);
    }
    if (policy.frontend() != null) {
      b.setFrontend(FrontendProto.frontend(policy.frontend()));
    }
    return b.build();
  }

  /** The proto form of route policies; absent members stay unset. */
  public static RoutePolicies policies(dev.agentgateway.model.ir.RoutePolicies p) {
    RoutePolicies.Builder b = RoutePolicies.newBuilder();
    if (p.requestHeaderModifier() != null) {
      b.setRequestHeaderModifier(headerModifier(p.requestHeaderModifier()));
    }
    if (p.responseHeaderModifier() != null) {
      b.setResponseHeaderModifier(headerModifier(p.responseHeaderModifier()));
    }
    if (p.requestRedirect() != null) {
      b.setRequestRedirect(redirect(p.requestRedirect()));
    }
    if (p.urlRewrite() != null) {
      b.setUrlRewrite(urlRewrite(p.urlRewrite()));
    }
    if (p.requestMirror() != null) {
      b.setRequestMirror(mirror(p.requestMirror()));
    }
    if (p.directResponse() != null) {
      DirectResponse.Builder direct =
          DirectResponse.newBuilder()
              .setStatus(p.directResponse().status())
              .setBody(p.directResponse().body());
      if (p.directResponse().bodyExpression() != null) {
        direct.setBodyExpression(p.directResponse().bodyExpression());
      }
      b.setDirectResponse(direct);
    }
    if (p.timeout() != null) {
      b.setTimeout(timeout(p.timeout()));
    }
    if (p.retry() != null) {
      b.setRetry(retry(p.retry()));
    }
    if (p.jwtAuth() != null) {
      b.setJwtAuth(AuthPoliciesProto.jwtAuth(p.jwtAuth()));
    }
    if (p.mcpAuthorization() != null) {
      b.setMcpAuthorization(AuthPoliciesProto.mcpAuthorization(p.mcpAuthorization()));
    }
    if (p.mcpAuthentication() != null) {
      b.setMcpAuthentication(AuthPoliciesProto.mcpAuthentication(p.mcpAuthentication()));
    }
    if (p.cors() != null) {
      b.setCors(cors(p.cors()));
    }
    if (p.ai() != null) {
      b.setAi(AiPoliciesProto.ai(p.ai()));
    }
    if (p.localRateLimit() != null) {
      b.setLocalRateLimit(AiPoliciesProto.localRateLimit(p.localRateLimit()));
    }
    if (p.transformations() != null) {
      b.setTransformations(TransformPoliciesProto.transformations(p.transformations()));
    }
    if (p.buffer() != null) {
      b.setBuffer(TransformPoliciesProto.buffer(p.buffer()));
    }
    if (p.extAuthz() != null) {
      b.setExtAuthz(ExtAuthPoliciesProto.extAuthz(p.extAuthz()));
    }
    if (p.remoteRateLimit() != null) {
      b.setRemoteRateLimit(ExtAuthPoliciesProto.remoteRateLimit(p.remoteRateLimit()));
    }
    if (p.apiKey() != null) {
      b.setApiKey(LocalAuthProto.apiKey(p.apiKey()));
    }
    if (p.basicAuth() != null) {
      b.setBasicAuth(LocalAuthProto.basicAuth(p.basicAuth()));
    }
    if (p.authorization() != null) {
      b.setAuthorization(LocalAuthProto.authorization(p.authorization()));
    }
    if (p.csrf() != null) {
      b.setCsrf(LocalAuthProto.csrf(p.csrf()));
    }
    if (p.backendTls() != null) {
      b.setBackendTls(TlsProto.backendTls(p.backendTls()));
    }
    if (p.backendAuth() != null) {
      b.setBackendAuth(AgentBackendsToProto.auth(p.backendAuth()));
    }
    if (p.backendTcp() != null) {
      b.setBackendTcp(BackendPoliciesProto.tcp(p.backendTcp()));
    }
    if (p.backendHttp() != null) {
      b.setBackendHttp(BackendPoliciesProto.http(p.backendHttp()));
    }
    if (p.health() != null) {
      b.setHealth(BackendPoliciesProto.health(p.health()));
    }
    return b.build();
  }

  static HeaderModifier headerModifier(dev.agentgateway.model.ir.HeaderModifier m) {
    HeaderModifier.Builder b = HeaderModifier.newBuilder().addAllRemove(m.remove());
    m.add().forEach(h -> b.addAdd(headerValue(h)));
    m.set().forEach(h -> b.addSet(headerValue(h)));
    return b.build();
  }

  private static HeaderValue headerValue(dev.agentgateway.model.ir.HeaderValue h) {
    return HeaderValue.newBuilder().setName(h.name()).setValue(h.value()).build();
  }

  private static RequestRedirect redirect(dev.agentgateway.model.ir.RequestRedirect r) {
    RequestRedirect.Builder b = RequestRedirect.newBuilder();
    if (r.scheme() != null) {
      b.setScheme(r.scheme());
    }
    if (r.authority() != null) {
      b.setAuthority(authority(r.authority()));
    }
    if (r.path() != null) {
      b.setPath(pathRewrite(r.path()));
    }
    if (r.status() != null) {
      b.setStatus(r.status());
    }
    return b.build();
  }

  private static UrlRewrite urlRewrite(dev.agentgateway.model.ir.UrlRewrite r) {
    UrlRewrite.Builder b = UrlRewrite.newBuilder();
    if (r.authority() != null) {
      b.setAuthority(authority(r.authority()));
    }
    if (r.path() != null) {
      b.setPath(pathRewrite(r.path()));
    }
    return b.build();
  }

  private static AuthorityRewrite authority(dev.agentgateway.model.ir.AuthorityRewrite a) {
    AuthorityRewrite.Builder b = AuthorityRewrite.newBuilder();
    return switch (a) {
      case dev.agentgateway.model.ir.AuthorityRewrite.Full f -> b.setFull(f.authority()).build();
      case dev.agentgateway.model.ir.AuthorityRewrite.Host h -> b.setHost(h.host()).build();
      case dev.agentgateway.model.ir.AuthorityRewrite.Port p -> b.setPort(p.port()).build();
      case dev.agentgateway.model.ir.AuthorityRewrite.Auto x ->
          b.setAuto(Empty.getDefaultInstance()).build();
      case dev.agentgateway.model.ir.AuthorityRewrite.None x ->
          b.setNone(Empty.getDefaultInstance()).build();
    };
  }

  private static PathRewrite pathRewrite(dev.agentgateway.model.ir.PathRewrite p) {
    return switch (p) {
      case dev.agentgateway.model.ir.PathRewrite.Full f ->
          PathRewrite.newBuilder().setFull(f.path()).build();
      case dev.agentgateway.model.ir.PathRewrite.Prefix x ->
          PathRewrite.newBuilder().setPrefix(x.prefix()).build();
    };
  }

  private static RequestMirror mirror(dev.agentgateway.model.ir.RequestMirror m) {
    return RequestMirror.newBuilder()
        .setBackend(backend(m.backend()))
        .setPercentage(m.percentage())
        .build();
  }

  private static TimeoutPolicy timeout(dev.agentgateway.model.ir.TimeoutPolicy t) {
    TimeoutPolicy.Builder b = TimeoutPolicy.newBuilder();
    if (t.requestTimeout() != null) {
      b.setRequestTimeout(duration(t.requestTimeout()));
    }
    if (t.backendRequestTimeout() != null) {
      b.setBackendRequestTimeout(duration(t.backendRequestTimeout()));
    }
    return b.build();
  }

  private static RetryPolicy retry(dev.agentgateway.model.ir.RetryPolicy r) {
    RetryPolicy.Builder b = RetryPolicy.newBuilder().setAttempts(r.attempts());
    if (r.backoff() != null) {
      b.setBackoff(duration(r.backoff()));
    }
    // Sorted, so equal policies always encode to equal bytes (resource versions are hashes).
    r.codes().stream().sorted().forEach(b::addCodes);
    if (r.precondition() != null) {
      b.setPrecondition(r.precondition());
    }
    if (r.condition() != null) {
      b.setCondition(r.condition());
    }
    return b.build();
  }

  private static dev.agentgateway.model.xds.proto.Cors cors(CorsPolicy c) {
    var b =
        dev.agentgateway.model.xds.proto.Cors.newBuilder()
            .setAllowCredentials(c.allowCredentials())
            .addAllAllowHeaders(c.allowHeaders())
            .addAllAllowMethods(c.allowMethods())
            .addAllAllowOrigins(c.allowOrigins())
            .addAllExposeHeaders(c.exposeHeaders());
    if (c.maxAge() != null) {
      b.setMaxAge(duration(c.maxAge()));
    }
    return b.build();
  }

  static com.google.protobuf.Duration duration(Duration d) {
    return com.google.protobuf.Duration.newBuilder()
        .setSeconds(d.getSeconds())
        .setNanos(d.getNano())
        .build();
  }
}
