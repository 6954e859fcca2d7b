package dev.agentgateway.control.translate;

import dev.agentgateway.model.config.Durations;
import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.model.ir.ValueMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestMirrorFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One HTTPRoute rule to IR matches, policies and backends. Problems do not throw: an unsupported
 * filter or bad value makes the route not Accepted ({@link #unsupported}); an unresolvable backend
 * is left out and reported as ResolvedRefs=False ({@link #refProblem}), and a rule left without
 * backends answers 500 as the Gateway API requires.
 */
final class HttpRules {
  private final BackendRefs backends;
  private final String routeNamespace;
  String unsupported;
  BackendRefs.Resolved refProblem;

  HttpRules(BackendRefs backends, String routeNamespace) {
    this.backends = backends;
    this.routeNamespace = routeNamespace;
  }

  /** Translates an HTTPRoute's rules (one catch-all rule when it has none). */
  static RouteRules translate(
      BackendRefs backends, String routeNamespace, List<HTTPRouteRule> rules) {
    HttpRules t = new HttpRules(backends, routeNamespace);
    List<HTTPRouteRule> all =
        rules == null || rules.isEmpty() ? List.of(new HTTPRouteRule()) : rules;
    List<RuleIr> out = new ArrayList<>();
    for (HTTPRouteRule rule : all) {
      List<RouteMatch> matches = t.matches(rule);
      List<RouteBackend> b = t.backends(rule);
      out.add(new RuleIr(rule.getName(), matches, t.policies(rule, !b.isEmpty()), b));
    }
    return new RouteRules(out, t.unsupported, t.refProblem);
  }

  List<RouteMatch> matches(HTTPRouteRule rule) {
    List<RouteMatch> matches = new ArrayList<>();
    for (HTTPRouteMatch m :
        Objects.requireNonNullElse(rule.getMatches(), List.<HTTPRouteMatch>of())) {
      matches.add(
          new RouteMatch(
              path(m),
              m.getMethod(),
              Objects.requireNonNullElse(
                      m.getHeaders(),
                      List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch>of())
                  .stream()
                  .map(
                      h ->
                          new HeaderMatch(
                              h.getName(),
                              value("header " + h.getName(), h.getType(), h.getValue())))
                  .toList(),
              Objects.requireNonNullElse(
                      m.getQueryParams(),
                      List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch>of())
                  .stream()
                  .map(
                      q ->
                          new QueryMatch(
                              q.getName(),
                              value("query " + q.getName(), q.getType(), q.getValue())))
                  .toList()));
    }
    return matches;
  }

  private PathMatch path(HTTPRouteMatch m) {
    if (m.getPath() == null) {
      return new PathMatch.Prefix("/");
    }
    String type = Objects.requireNonNullElse(m.getPath().getType(), "PathPrefix");
    String value = Objects.requireNonNullElse(m.getPath().getValue(), "/");
    return switch (type) {
      case "Exact" -> new PathMatch.Exact(value);
      case "PathPrefix" -> new PathMatch.Prefix(value);
      case "RegularExpression" -> new PathMatch.Regex(regex("path", value));
      default -> {
        fail("path match type " + type + " is not supported");
        yield new PathMatch.Prefix(value);
      }
    };
  }

  ValueMatch value(String what, String type, String value) {
    String t = Objects.requireNonNullElse(type, "Exact");
    return switch (t) {
      case "Exact" -> new ValueMatch.Exact(value);
      case "RegularExpression" -> new ValueMatch.Regex(regex(what, value));
      default -> {
        fail(what + " match type " + t + " is not supported");
        yield new ValueMatch.Exact(value);
      }
    };
  }

  String regex(String what, String value) {
    try {
      Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      fail(what + " regex " + value + " is invalid: " + e.getDescription());
    }
    return value;
  }

  RoutePolicies policies(HTTPRouteRule rule, boolean hasBackends) {
    HeaderModifier request = null;
    HeaderModifier response = null;
    RequestRedirect redirect = null;
    UrlRewrite rewrite = null;
    RequestMirror mirror = null;
    for (HTTPRouteFilter f :
        Objects.requireNonNullElse(rule.getFilters(), List.<HTTPRouteFilter>of())) {
      switch (Objects.requireNonNullElse(f.getType(), "")) {
        case "RequestHeaderModifier" -> request = headers(f.getRequestHeaderModifier());
        case "ResponseHeaderModifier" -> response = headers(f.getResponseHeaderModifier());
        case "RequestRedirect" -> redirect = redirect(f.getRequestRedirect());
        case "URLRewrite" -> rewrite = rewrite(f.getUrlRewrite());
        case "RequestMirror" -> mirror = mirror(f.getRequestMirror());
        // The IR and the proxy have no CORS policy yet; accepting the filter would silently
        // drop it, so the route is refused until they do.
        case "CORS" -> fail("filter CORS is not supported yet");
        default -> fail("filter " + f.getType() + " is not supported");
      }
    }
    DirectResponse direct =
        redirect == null && !hasBackends ? new DirectResponse(500, "no valid backend") : null;
    return new RoutePolicies(
        request, response, redirect, rewrite, mirror, direct, timeouts(rule), retry(rule));
  }

  List<RouteBackend> backends(HTTPRouteRule rule) {
    List<RouteBackend> out = new ArrayList<>();
    for (HTTPBackendRef ref :
        Objects.requireNonNullElse(rule.getBackendRefs(), List.<HTTPBackendRef>of())) {
      backend(
          "HTTPRoute",
          ref.getGroup(),
          ref.getKind(),
          ref.getName(),
          ref.getNamespace(),
          ref.getPort(),
          ref.getWeight(),
          ref.getFilters() != null && !ref.getFilters().isEmpty(),
          out);
    }
    return out;
  }

  /** Resolves one backendRef of a {@code routeKind} into {@code out}, or records the problem. */
  void backend(
      String routeKind,
      String group,
      String kind,
      String name,
      String namespace,
      Integer port,
      Integer weight,
      boolean hasFilters,
      List<RouteBackend> out) {
    if (hasFilters) {
      fail("filters on backendRefs are not supported");
    }
    BackendRefs.Resolved r =
        backends.resolve(routeKind, routeNamespace, group, kind, name, namespace, port);
    if (!r.ok()) {
      if (refProblem == null) {
        refProblem = r;
      }
      return;
    }
    out.add(new RouteBackend(r.backend(), weight == null ? 1 : weight));
  }

  static HeaderModifier headers(HTTPHeaderFilter f) {
    if (f == null) {
      return null;
    }
    return new HeaderModifier(
        values(f.getAdd()),
        values(f.getSet()),
        Objects.requireNonNullElse(f.getRemove(), List.of()));
  }

  private static List<HeaderValue> values(List<HTTPHeader> headers) {
    return Objects.requireNonNullElse(headers, List.<HTTPHeader>of()).stream()
        .map(h -> new HeaderValue(h.getName(), h.getValue()))
        .toList();
  }

  private RequestRedirect redirect(HTTPRequestRedirectFilter f) {
    if (f == null) {
      return null;
    }
    return new RequestRedirect(
        f.getScheme(),
        authority(f.getHostname(), f.getPort()),
        path(f.getPath()),
        f.getStatusCode());
  }

  private UrlRewrite rewrite(HTTPURLRewriteFilter f) {
    if (f == null) {
      return null;
    }
    return new UrlRewrite(authority(f.getHostname(), null), path(f.getPath()));
  }

  private static AuthorityRewrite authority(String host, Integer port) {
    if (host != null && port != null) {
      return new AuthorityRewrite.Full(host + ":" + port);
    }
    if (host != null) {
      return new AuthorityRewrite.Host(host);
    }
    return port == null ? null : new AuthorityRewrite.Port(port);
  }

  private PathRewrite path(HTTPPathModifier p) {
    if (p == null) {
      return null;
    }
    return switch (Objects.requireNonNullElse(p.getType(), "")) {
      case "ReplaceFullPath" -> new PathRewrite.Full(p.getReplaceFullPath());
      case "ReplacePrefixMatch" -> new PathRewrite.Prefix(p.getReplacePrefixMatch());
      default -> {
        fail("path modifier type " + p.getType() + " is not supported");
        yield null;
      }
    };
  }

  RequestMirror mirror(HTTPRequestMirrorFilter f) {
    if (f == null || f.getBackendRef() == null) {
      return null;
    }
    var ref = f.getBackendRef();
    BackendRefs.Resolved r =
        backends.resolve(
            "HTTPRoute",
            routeNamespace,
            ref.getGroup(),
            ref.getKind(),
            ref.getName(),
            ref.getNamespace(),
            ref.getPort());
    if (!r.ok()) {
      if (refProblem == null) {
        refProblem = r;
      }
      return null;
    }
    // A mirror copies plain HTTP: an A2A Service is mirrored as the Service it is.
    Backend target = r.backend() instanceof Backend.A2a a2a ? a2a.upstream() : r.backend();
    if (target instanceof Backend.Mcp || target instanceof Backend.Ai) {
      if (refProblem == null) {
        refProblem =
            BackendRefs.Resolved.failed(
                "UnsupportedValue", "a request mirror cannot target an MCP or AI backend");
      }
      return null;
    }
    double percent = 100;
    if (f.getPercent() != null) {
      percent = f.getPercent();
    } else if (f.getFraction() != null && f.getFraction().getNumerator() != null) {
      int denominator =
          f.getFraction().getDenominator() == null ? 100 : f.getFraction().getDenominator();
      percent = 100.0 * f.getFraction().getNumerator() / denominator;
    }
    return new RequestMirror(target, percent);
  }

  private TimeoutPolicy timeouts(HTTPRouteRule rule) {
    if (rule.getTimeouts() == null) {
      return null;
    }
    Duration request = duration("timeouts.request", rule.getTimeouts().getRequest());
    Duration backend = duration("timeouts.backendRequest", rule.getTimeouts().getBackendRequest());
    return request == null && backend == null ? null : new TimeoutPolicy(request, backend);
  }

  private RetryPolicy retry(HTTPRouteRule rule) {
    var r = rule.getRetry();
    if (r == null) {
      return null;
    }
    // Gateway API counts retries; the IR counts tries, the first included.
    int attempts = Math.min(255, 1 + (r.getAttempts() == null ? 1 : r.getAttempts()));
    Duration backoff = duration("retry.backoff", r.getBackoff());
    return new RetryPolicy(
        attempts,
        backoff,
        new LinkedHashSet<>(Objects.requireNonNullElse(r.getCodes(), List.of())));
  }

  /** A Gateway API duration; "0s" means none. */
  private Duration duration(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      Duration d = Durations.parse(value);
      return d.isZero() ? null : d;
    } catch (IllegalArgumentException e) {
      fail(field + " " + value + " is not a duration: " + e.getMessage());
      return null;
    }
  }

  void fail(String message) {
    if (unsupported == null) {
      unsupported = message;
    }
  }
}
