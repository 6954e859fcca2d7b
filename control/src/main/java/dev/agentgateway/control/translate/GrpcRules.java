package dev.agentgateway.control.translate;

import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * GRPCRoute rules to IR: a method match becomes a path match on {@code /<service>/<method>} (gRPC's
 * HTTP/2 path), everything else is shared with HTTPRoute translation.
 */
final class GrpcRules {
  private GrpcRules() {}

  /** Translates a GRPCRoute's rules (one catch-all rule when it has none). */
  static RouteRules translate(
      BackendRefs backends, String routeNamespace, List<GRPCRouteRule> rules) {
    HttpRules shared = new HttpRules(backends, routeNamespace);
    List<GRPCRouteRule> all =
        rules == null || rules.isEmpty() ? List.of(new GRPCRouteRule()) : rules;
    List<RuleIr> out = new ArrayList<>();
    for (GRPCRouteRule rule : all) {
      List<RouteMatch> matches = new ArrayList<>();
      for (GRPCRouteMatch m :
          Objects.requireNonNullElse(rule.getMatches(), List.<GRPCRouteMatch>of())) {
        List<HeaderMatch> headers = new ArrayList<>();
        for (GRPCHeaderMatch h :
            Objects.requireNonNullElse(m.getHeaders(), List.<GRPCHeaderMatch>of())) {
          headers.add(
              new HeaderMatch(
                  h.getName(), shared.value("header " + h.getName(), h.getType(), h.getValue())));
        }
        matches.add(new RouteMatch(path(shared, m.getMethod()), null, headers, List.of()));
      }
      HeaderModifier request = null;
      HeaderModifier response = null;
      RequestMirror mirror = null;
      for (GRPCRouteFilter f :
          Objects.requireNonNullElse(rule.getFilters(), List.<GRPCRouteFilter>of())) {
        switch (Objects.requireNonNullElse(f.getType(), "")) {
          case "RequestHeaderModifier" -> request = HttpRules.headers(f.getRequestHeaderModifier());
          case "ResponseHeaderModifier" ->
              response = HttpRules.headers(f.getResponseHeaderModifier());
          case "RequestMirror" -> mirror = shared.mirror(f.getRequestMirror());
          default -> shared.fail("filter " + f.getType() + " is not supported");
        }
      }
      List<RouteBackend> backendList = new ArrayList<>();
      for (GRPCBackendRef ref :
          Objects.requireNonNullElse(rule.getBackendRefs(), List.<GRPCBackendRef>of())) {
        shared.backend(
            "GRPCRoute",
            ref.getGroup(),
            ref.getKind(),
            ref.getName(),
            ref.getNamespace(),
            ref.getPort(),
            ref.getWeight(),
            ref.getFilters() != null && !ref.getFilters().isEmpty(),
            backendList);
      }
      DirectResponse direct =
          backendList.isEmpty() ? new DirectResponse(500, "no valid backend") : null;
      out.add(
          new RuleIr(
              rule.getName(),
              matches,
              new RoutePolicies(request, response, null, null, mirror, direct, null, null),
              backendList));
    }
    return new RouteRules(out, shared.unsupported, shared.refProblem);
  }

  private static PathMatch path(HttpRules shared, GRPCMethodMatch method) {
    if (method == null || (method.getService() == null && method.getMethod() == null)) {
      return new PathMatch.Prefix("/");
    }
    String service = method.getService();
    String name = method.getMethod();
    if ("RegularExpression".equals(method.getType())) {
      String regex =
          "/" + (service == null ? "[^/]+" : service) + "/" + (name == null ? "[^/]+" : name);
      return new PathMatch.Regex(shared.regex("method", regex));
    }
    if (service != null && name != null) {
      return new PathMatch.Exact("/" + service + "/" + name);
    }
    if (service != null) {
      return new PathMatch.Prefix("/" + service + "/");
    }
    return new PathMatch.Regex("/[^/]+/" + Pattern.quote(name));
  }
}
