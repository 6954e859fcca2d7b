package dev.agentgateway.control.translate.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.crds.common.AiPolicy;
import dev.agentgateway.crds.common.AuthorizationAction;
import dev.agentgateway.crds.common.BackendPolicies;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.BuiltinPattern;
import dev.agentgateway.crds.common.FailureMode;
import dev.agentgateway.crds.common.GuardrailScope;
import dev.agentgateway.crds.common.PromptGuard;
import dev.agentgateway.crds.common.PromptGuardRequest;
import dev.agentgateway.crds.common.PromptGuardResponse;
import dev.agentgateway.crds.common.PromptMessage;
import dev.agentgateway.crds.common.Regex;
import dev.agentgateway.crds.common.RegexAction;
import dev.agentgateway.crds.common.RejectionResponse;
import dev.agentgateway.crds.common.Streaming;
import dev.agentgateway.crds.common.Webhook;
import dev.agentgateway.crds.policy.AuthenticationMode;
import dev.agentgateway.crds.policy.Cors;
import dev.agentgateway.crds.policy.HeaderFilter;
import dev.agentgateway.crds.policy.HostRewriteMode;
import dev.agentgateway.crds.policy.Jwks;
import dev.agentgateway.crds.policy.JwtAuthentication;
import dev.agentgateway.crds.policy.JwtProvider;
import dev.agentgateway.crds.policy.LocalRateLimit;
import dev.agentgateway.crds.policy.RemoteJwks;
import dev.agentgateway.crds.policy.Retry;
import dev.agentgateway.crds.policy.TrafficPolicy;
import dev.agentgateway.model.config.Durations;
import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.CorsPolicy;
import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Maps the fields of a policy's {@code traffic} and {@code backend} sections that {@link
 * SpecWalk#MAPPED} names onto {@link RoutePolicies}. A value the IR refuses becomes an error naming
 * its field, collected rather than thrown so that the status lists them all.
 */
final class PolicyFields {
  private final ObjectMapper json;
  private final String namespace;
  private final TrafficFields traffic;
  private final CredentialFields credentials;
  private final List<String> errors = new ArrayList<>();

  /**
   * @param namespace the policy's namespace, which references without one name
   * @param cluster where referenced Secrets and ConfigMaps are looked up
   */
  PolicyFields(ObjectMapper json, String namespace, PolicyCluster cluster) {
    this.json = json;
    this.namespace = namespace;
    this.traffic = new TrafficFields(namespace);
    this.credentials = new CredentialFields(json, namespace, cluster);
  }

  /** The errors met, each {@code field: problem}. */
  List<String> errors() {
    return errors;
  }

  /** The IR of {@code traffic} and {@code backend} (either may be null). */
  RoutePolicies map(TrafficPolicy traffic, BackendPolicies backend) {
    RoutePolicies.Builder out = RoutePolicies.builder();
    if (traffic != null) {
      if (traffic.cors() != null) {
        out.cors(checked("traffic.cors", () -> cors(traffic.cors())));
      }
      if (traffic.rateLimit() != null && traffic.rateLimit().local() != null) {
        out.localRateLimit(
            checked("traffic.rateLimit.local", () -> localRateLimit(traffic.rateLimit().local())));
      }
      if (traffic.jwtAuthentication() != null) {
        out.jwtAuth(checked("traffic.jwtAuthentication", () -> jwt(traffic.jwtAuthentication())));
      }
      if (traffic.headerModifiers() != null) {
        out.requestHeaderModifier(
            checked(
                "traffic.headerModifiers.request",
                () -> headers(traffic.headerModifiers().request())));
        out.responseHeaderModifier(
            checked(
                "traffic.headerModifiers.response",
                () -> headers(traffic.headerModifiers().response())));
      }
      if (traffic.timeouts() != null && traffic.timeouts().request() != null) {
        out.timeout(
            checked(
                "traffic.timeouts.request",
                () -> {
                  Duration d = duration(traffic.timeouts().request());
                  return d == null ? null : new TimeoutPolicy(d, null);
                }));
      }
      if (traffic.retry() != null) {
        out.retry(checked("traffic.retry", () -> retry(traffic.retry())));
      }
      if (traffic.directResponse() != null && traffic.directResponse().status() != null) {
        out.directResponse(
            checked(
                "traffic.directResponse",
                () ->
                    new DirectResponse(
                        traffic.directResponse().status(),
                        traffic.directResponse().body(),
                        traffic.directResponse().bodyExpression())));
      }
      mapMore(traffic, out);
    }
    if (backend != null) {
      if (backend.mcp() != null && backend.mcp().authorization() != null) {
        out.mcpAuthorization(
            checked(
                "backend.mcp.authorization",
                () ->
                    new McpAuthorizationPolicy(
                        backend.mcp().authorization().policy().matchExpressions().stream()
                            .map(
                                e ->
                                    new McpAuthorizationPolicy.Rule(
                                        kind(backend.mcp().authorization().action()), e))
                            .toList())));
      }
      if (backend.ai() != null) {
        out.ai(checked("backend.ai", () -> ai(backend.ai())));
      }
      if (backend.tls() != null) {
        out.backendTls(checked("backend.tls", () -> credentials.backendTls(backend.tls())));
      }
      if (backend.auth() != null) {
        out.backendAuth(checked("backend.auth", () -> credentials.backendAuth(backend.auth())));
      }
      if (backend.health() != null) {
        out.health(checked("backend.health", () -> BackendFields.health(backend.health())));
      }
      if (backend.tcp() != null) {
        out.backendTcp(checked("backend.tcp", () -> BackendFields.tcp(backend.tcp())));
      }
      if (backend.http() != null) {
        out.backendHttp(checked("backend.http", () -> BackendFields.http(backend.http())));
      }
    }
    return out.build();
  }

  /** The traffic fields mapped by {@link TrafficFields} and {@link CredentialFields}. */
  private void mapMore(TrafficPolicy t, RoutePolicies.Builder out) {
    if (t.authorization() != null) {
      out.authorization(
          checked("traffic.authorization", () -> TrafficFields.authorization(t.authorization())));
    }
    if (t.csrf() != null) {
      out.csrf(checked("traffic.csrf", () -> new CsrfPolicy(list(t.csrf().additionalOrigins()))));
    }
    if (t.extAuth() != null) {
      out.extAuthz(checked("traffic.extAuth", () -> traffic.extAuth(t.extAuth())));
    }
    if (t.rateLimit() != null && t.rateLimit().global() != null) {
      out.remoteRateLimit(
          checked(
              "traffic.rateLimit.global", () -> traffic.globalRateLimit(t.rateLimit().global())));
    }
    if (t.transformation() != null) {
      out.transformations(
          checked(
              "traffic.transformation", () -> TrafficFields.transformation(t.transformation())));
    }
    if (t.buffer() != null) {
      out.buffer(checked("traffic.buffer", () -> TrafficFields.buffer(t.buffer())));
    }
    if (t.basicAuthentication() != null) {
      out.basicAuth(
          checked(
              "traffic.basicAuthentication", () -> credentials.basicAuth(t.basicAuthentication())));
    }
    if (t.hostRewrite() != null) {
      // The IR's authority-only URL rewrite; a route's own urlRewrite filter with a host wins, as
      // upstream documents, since the proxy merges the two parts of a rewrite separately.
      out.urlRewrite(
          checked(
              "traffic.hostRewrite",
              () ->
                  new UrlRewrite(
                      t.hostRewrite().mode() == HostRewriteMode.NONE
                          ? new AuthorityRewrite.None()
                          : new AuthorityRewrite.Auto(),
                      null)));
    }
    if (t.apiKeyAuthentication() != null) {
      out.apiKey(
          checked(
              "traffic.apiKeyAuthentication", () -> credentials.apiKey(t.apiKeyAuthentication())));
    }
  }

  private <T> T checked(String field, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (FieldError e) {
      errors.add(field + "." + e.field + ": " + e.getMessage());
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(field + ": " + e.getMessage());
    }
    return null;
  }

  /** Upstream's least {@code cacheDuration} of a remote key set. */
  private static final Duration MIN_JWKS_CACHE = Duration.ofMinutes(5);

  /** A problem in a nested field; {@link #checked} prefixes the section. */
  static final class FieldError extends RuntimeException {
    private final String field;

    FieldError(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  private static HeaderModifier headers(HeaderFilter f) {
    if (f == null) {
      return null;
    }
    return new HeaderModifier(
        list(f.add()).stream().map(h -> new HeaderValue(h.name(), h.value())).toList(),
        list(f.set()).stream().map(h -> new HeaderValue(h.name(), h.value())).toList(),
        list(f.remove()));
  }

  /** A Gateway API duration; "0s" means none, as for HTTPRoute timeouts. */
  private static Duration duration(String value) {
    Duration d = Durations.parse(value);
    return d.isZero() ? null : d;
  }

  private static RetryPolicy retry(Retry r) {
    // The CRD counts retries; the IR counts tries, the first included (as for HTTPRoute retry).
    int attempts = Math.min(255, 1 + (r.attempts() == null ? 1 : r.attempts()));
    Duration backoff;
    try {
      backoff = r.backoff() == null ? null : duration(r.backoff());
    } catch (IllegalArgumentException e) {
      throw new FieldError("backoff", e.getMessage());
    }
    return new RetryPolicy(
        attempts, backoff, new LinkedHashSet<>(list(r.codes())), r.precondition(), r.condition());
  }

  private CorsPolicy cors(Cors c) {
    return new CorsPolicy(
        Boolean.TRUE.equals(c.allowCredentials()),
        list(c.allowHeaders()),
        list(c.allowMethods()).stream().map(m -> json.convertValue(m, String.class)).toList(),
        list(c.allowOrigins()),
        list(c.exposeHeaders()),
        c.maxAge() == null ? null : Duration.ofSeconds(c.maxAge()));
  }

  /** Upstream's shape: {@code requests} (or tokens) per {@code unit}, plus {@code burst}. */
  private static LocalRateLimitPolicy localRateLimit(List<LocalRateLimit> limits) {
    List<LocalRateLimitPolicy.Limit> out = new ArrayList<>();
    for (int i = 0; i < limits.size(); i++) {
      LocalRateLimit l = limits.get(i);
      boolean tokens = l.tokens() != null;
      Integer amount = tokens ? l.tokens() : l.requests();
      if (amount == null || l.unit() == null) {
        throw new FieldError("[" + i + "]", "needs exactly one of requests or tokens, and a unit");
      }
      Duration interval =
          switch (l.unit()) {
            case SECONDS -> Duration.ofSeconds(1);
            case MINUTES -> Duration.ofMinutes(1);
            case HOURS -> Duration.ofHours(1);
          };
      long burst = l.burst() == null ? 0 : l.burst();
      out.add(
          new LocalRateLimitPolicy.Limit(
              amount + burst,
              amount,
              interval,
              tokens ? LocalRateLimitPolicy.Type.TOKENS : LocalRateLimitPolicy.Type.REQUESTS));
    }
    return new LocalRateLimitPolicy(out);
  }

  private JwtAuthPolicy jwt(JwtAuthentication j) {
    if (j.mcp() != null) {
      throw new FieldError("mcp", "not supported yet");
    }
    List<JwtAuthPolicy.Provider> providers = new ArrayList<>();
    List<JwtProvider> list = list(j.providers());
    for (int i = 0; i < list.size(); i++) {
      JwtProvider p = list.get(i);
      providers.add(
          new JwtAuthPolicy.Provider(
              p.issuer(), list(p.audiences()), jwks("providers[" + i + "].jwks", p.jwks())));
    }
    return new JwtAuthPolicy(
        mode(j.mode()), providers, CredentialFields.location(j.location(), null));
  }

  private JwtAuthPolicy.Jwks jwks(String at, Jwks jwks) {
    if (jwks != null && jwks.remote() != null) {
      return remoteJwks(at + ".remote", jwks.remote());
    }
    String inline = jwks == null ? null : jwks.inline();
    if (inline == null) {
      throw new FieldError(at, "one of inline and remote is required");
    }
    try {
      if (!json.readTree(inline).has("keys")) {
        throw new FieldError(at + ".inline", "not a JWKS: no keys");
      }
    } catch (IOException e) {
      throw new FieldError(at + ".inline", "not valid JSON");
    }
    return new JwtAuthPolicy.Jwks.Inline(inline);
  }

  /** A key set at a URL, or at a path of a Service in the policy's namespace (cluster DNS). */
  private JwtAuthPolicy.Jwks remoteJwks(String at, RemoteJwks r) {
    Duration cache = r.cacheDuration() == null ? null : Durations.parse(r.cacheDuration());
    if (cache != null && cache.compareTo(MIN_JWKS_CACHE) < 0) {
      throw new FieldError(at + ".cacheDuration", "must be at least 5m");
    }
    if (r.url() != null) {
      return new JwtAuthPolicy.Jwks.Remote(r.url(), cache);
    }
    Backend.Service s = LocalServiceRef.resolve(at + ".backendRef", r.backendRef(), namespace);
    if (r.jwksPath() == null) {
      throw new FieldError(at + ".jwksPath", "is required with backendRef");
    }
    String path = r.jwksPath().startsWith("/") ? r.jwksPath() : "/" + r.jwksPath();
    // `.svc` resolves through the pod's search path on any cluster domain.
    return new JwtAuthPolicy.Jwks.Remote(
        "http://" + s.serviceName() + "." + s.namespace() + ".svc:" + s.port() + path, cache);
  }

  private static JwtAuthPolicy.Mode mode(AuthenticationMode mode) {
    return switch (Objects.requireNonNullElse(mode, AuthenticationMode.STRICT)) {
      case STRICT -> JwtAuthPolicy.Mode.STRICT;
      case OPTIONAL -> JwtAuthPolicy.Mode.OPTIONAL;
      case PERMISSIVE -> JwtAuthPolicy.Mode.PERMISSIVE;
    };
  }

  private static McpAuthorizationPolicy.Kind kind(AuthorizationAction action) {
    return switch (Objects.requireNonNullElse(action, AuthorizationAction.ALLOW)) {
      case ALLOW -> McpAuthorizationPolicy.Kind.ALLOW;
      case DENY -> McpAuthorizationPolicy.Kind.DENY;
      case REQUIRE -> McpAuthorizationPolicy.Kind.REQUIRE;
    };
  }

  private dev.agentgateway.model.ir.AiPolicy ai(AiPolicy a) {
    dev.agentgateway.model.ir.AiPolicy.Prompts prompts =
        a.prompt() == null
            ? null
            : new dev.agentgateway.model.ir.AiPolicy.Prompts(
                messages(a.prompt().prepend()), messages(a.prompt().append()));
    Map<String, String> routes = new LinkedHashMap<>();
    if (a.routes() != null) {
      a.routes()
          .forEach(
              (path, type) -> {
                String name = json.convertValue(type, String.class);
                routes.put(path, Character.toLowerCase(name.charAt(0)) + name.substring(1));
              });
    }
    return new dev.agentgateway.model.ir.AiPolicy(
        a.promptGuard() == null ? null : promptGuard(a.promptGuard()),
        Map.of(),
        Map.of(),
        prompts,
        a.modelAliases(),
        routes);
  }

  private static List<dev.agentgateway.model.ir.AiPolicy.Message> messages(
      List<PromptMessage> messages) {
    return list(messages).stream()
        .map(m -> new dev.agentgateway.model.ir.AiPolicy.Message(m.role(), m.content()))
        .toList();
  }

  private PromptGuardPolicy promptGuard(PromptGuard g) {
    List<PromptGuardPolicy.RequestGuard> request = new ArrayList<>();
    List<PromptGuardRequest> requests = list(g.request());
    for (int i = 0; i < requests.size(); i++) {
      PromptGuardRequest r = requests.get(i);
      String at = "promptGuard.request[" + i + "]";
      request.add(
          new PromptGuardPolicy.RequestGuard(
              check(at, r.regex(), r.webhook()), rejection(r.response()), scope(r.scope())));
    }
    List<PromptGuardPolicy.ResponseGuard> response = new ArrayList<>();
    List<PromptGuardResponse> responses = list(g.response());
    for (int i = 0; i < responses.size(); i++) {
      PromptGuardResponse r = responses.get(i);
      String at = "promptGuard.response[" + i + "]";
      response.add(
          new PromptGuardPolicy.ResponseGuard(
              check(at, r.regex(), r.webhook()), rejection(r.response())));
    }
    return new PromptGuardPolicy(g.streaming() == Streaming.ENABLED, request, response);
  }

  private PromptGuardPolicy.Check check(String at, Regex regex, Webhook webhook) {
    if (regex != null) {
      List<PromptGuardPolicy.Rule> rules = new ArrayList<>();
      list(regex.builtins()).forEach(b -> rules.add(new PromptGuardPolicy.Rule(builtin(b), null)));
      List<String> matches = list(regex.matches());
      for (int i = 0; i < matches.size(); i++) {
        try {
          java.util.regex.Pattern.compile(matches.get(i));
        } catch (PatternSyntaxException e) {
          throw new FieldError(
              at + ".regex.matches[" + i + "]",
              "not a valid regular expression: " + e.getDescription());
        }
        rules.add(new PromptGuardPolicy.Rule(null, matches.get(i)));
      }
      if (rules.isEmpty()) {
        throw new FieldError(at + ".regex", "needs at least one of builtins or matches");
      }
      return new PromptGuardPolicy.Regex(
          regex.action() == RegexAction.REJECT
              ? PromptGuardPolicy.Action.REJECT
              : PromptGuardPolicy.Action.MASK,
          rules);
    }
    if (webhook == null) {
      throw new FieldError(at, "exactly one of regex or webhook is supported");
    }
    BackendRef ref = webhook.backendRef();
    boolean service =
        ref != null
            && (ref.group() == null || ref.group().isEmpty())
            && (ref.kind() == null || ref.kind().equals("Service"));
    if (!service || ref.port() == null) {
      throw new FieldError(
          at + ".webhook.backendRef", "only a Service with a port is supported yet");
    }
    // The Service's cluster DNS name; `.svc` resolves through the pod's search path on any domain.
    return new PromptGuardPolicy.Webhook(
        ref.name() + "." + Objects.requireNonNullElse(ref.namespace(), namespace) + ".svc",
        ref.port(),
        webhook.failureMode() == FailureMode.FAIL_OPEN
            ? PromptGuardPolicy.FailureMode.FAIL_OPEN
            : PromptGuardPolicy.FailureMode.FAIL_CLOSED);
  }

  private static PromptGuardPolicy.Builtin builtin(BuiltinPattern b) {
    return switch (b) {
      case SSN -> PromptGuardPolicy.Builtin.SSN;
      case CREDIT_CARD -> PromptGuardPolicy.Builtin.CREDIT_CARD;
      case PHONE_NUMBER -> PromptGuardPolicy.Builtin.PHONE_NUMBER;
      case EMAIL -> PromptGuardPolicy.Builtin.EMAIL;
      case CA_SIN -> PromptGuardPolicy.Builtin.CA_SIN;
    };
  }

  private static PromptGuardPolicy.Rejection rejection(RejectionResponse r) {
    if (r == null) {
      return null;
    }
    return new PromptGuardPolicy.Rejection(
        Objects.requireNonNullElse(r.statusCode(), 403),
        Objects.requireNonNullElse(r.message(), PromptGuardPolicy.DEFAULT_REJECTION_BODY),
        null);
  }

  private static Set<PromptGuardPolicy.Scope> scope(List<GuardrailScope> scope) {
    if (scope == null) {
      return null;
    }
    return scope.stream()
        .map(
            s ->
                switch (s) {
                  case SYSTEM_PROMPT -> PromptGuardPolicy.Scope.SYSTEM_PROMPT;
                  case MESSAGES -> PromptGuardPolicy.Scope.MESSAGES;
                  case TOOL_INPUT -> PromptGuardPolicy.Scope.TOOL_INPUT;
                  case TOOL_OUTPUT -> PromptGuardPolicy.Scope.TOOL_OUTPUT;
                })
        .collect(Collectors.toSet());
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
