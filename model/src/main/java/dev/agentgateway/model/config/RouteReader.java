package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.ValueMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one {@code routes[]} entry: names, hostnames, matches, policies and backends. */
final class RouteReader {
  private final PolicyReader policies;
  private final McpReader mcp;
  private final AiReader ai;

  RouteReader(McpReader mcp, AiReader ai, TlsReader tls) {
    this.mcp = mcp;
    this.ai = ai;
    this.policies = new PolicyReader(tls);
  }

  /** The route, or {@code null} when it is not a mapping (errors are reported either way). */
  Route read(ConfigNode route, int index, String listenerKey, Resources out) {
    if (!route.mapping(UpstreamFields.ROUTE)) {
      return null;
    }
    String name = route.field("name").text();
    String namespace = route.field("namespace").text();
    String ruleName = route.field("ruleName").text();
    List<String> hostnames = new ArrayList<>();
    for (ConfigNode hostname : route.field("hostnames").list()) {
      String h = Hostnames.read(hostname, false);
      if (h != null) {
        hostnames.add(h);
      }
    }
    List<RouteMatch> matches = new ArrayList<>();
    for (ConfigNode match : route.field("matches").list()) {
      RouteMatch m = match(match);
      if (m != null) {
        matches.add(m);
      }
    }
    String base = name == null || name.isEmpty() ? "route" + index : name;
    String key = out.uniqueKey(listenerKey + "/" + base, index);
    ConfigNode policiesNode = route.field("policies");
    ConfigNode a2a = policiesNode.field("a2a");
    boolean a2aSet = policiesNode.isMapping() && A2aPolicy.isSet(a2a);
    ConfigNode authNode = policiesNode.field("backendAuth");
    List<RouteBackend> backends = new ArrayList<>();
    List<ConfigNode> backendNodes = route.field("backends").list();
    boolean allAi = backendNodes.stream().allMatch(b -> b.field("ai").present());
    boolean allHost =
        !backendNodes.isEmpty() && backendNodes.stream().allMatch(b -> b.field("host").present());
    BackendAuth routeAuth = null;
    BackendLevel plain = BackendLevel.NONE;
    if (authNode.present() && policiesNode.isMapping()) {
      if (allAi) {
        routeAuth = ai.auth().read(authNode);
      } else if (allHost) {
        plain = new BackendLevel(BackendReader.plainAuth(authNode, ai), null, null, null);
      } else {
        authNode.error(
            "backendAuth on a route is supported only when all its backends are ai, or all host");
      }
    }
    for (ConfigNode backendNode : backendNodes) {
      BackendLevel own = BackendReader.plainPolicies(backendNode, ai);
      if (own.isEmpty()) {
        continue;
      }
      if (backendNodes.size() > 1) {
        backendNode
            .field("policies")
            .error(
                "backendAuth, tcp, http and health of one backend among several are not"
                    + " supported yet (set them on a route with one backend)");
      } else {
        plain = plain.overriddenBy(own);
      }
    }
    RoutePolicies routePolicies = policies.read(policiesNode, plain);
    ConfigNode backendTls = policiesNode.field("backendTLS");
    if (backendTls.present() && backendNodes.stream().anyMatch(b -> !b.field("host").present())) {
      backendTls.error("backendTLS is supported only on routes to host backends so far");
    }
    for (int i = 0; i < backendNodes.size(); i++) {
      ConfigNode backendNode = backendNodes.get(i);
      RouteBackend b =
          BackendReader.routeBackend(backendNode, mcp, ai, key + "/backend" + i, routeAuth);
      if (b != null && a2aSet) {
        Backend wrapped = A2aPolicy.wrap(b.backend(), a2a, backendNode.path());
        b = wrapped == null ? null : new RouteBackend(wrapped, b.weight());
      }
      if (b != null) {
        backends.add(b);
      }
    }
    return new Route(
        key,
        listenerKey,
        name,
        namespace,
        ruleName,
        hostnames,
        matches,
        routePolicies,
        backends,
        out.nextOrder());
  }

  private static RouteMatch match(ConfigNode match) {
    if (!match.mapping(UpstreamFields.ROUTE_MATCH)) {
      return null;
    }
    PathMatch path = path(match.field("path"));
    ConfigNode methodNode = match.field("method");
    String method = methodNode.text();
    if (method != null && !HeaderNames.isToken(method)) {
      methodNode.error("invalid HTTP method");
      method = null;
    }
    List<HeaderMatch> headers =
        named(match.field("headers"), HeaderMatch::new, HeaderNames::isToken);
    List<QueryMatch> query = named(match.field("query"), QueryMatch::new, n -> !n.isEmpty());
    return new RouteMatch(path, method, headers, query);
  }

  private static PathMatch path(ConfigNode path) {
    ConfigNode.TextVariant v = path.textVariant(UpstreamFields.PATH_MATCH);
    if (v == null) {
      return null;
    }
    return switch (v.key()) {
      case "exact" -> v.isAbsolutePath() ? new PathMatch.Exact(v.text()) : null;
      case "pathPrefix" -> v.isAbsolutePath() ? new PathMatch.Prefix(v.text()) : null;
      default -> regex(v.node(), v.text()) ? new PathMatch.Regex(v.text()) : null;
    };
  }

  /** Header or query conditions: {@code [{name, value: {exact|regex}}]}. */
  private static <T> List<T> named(
      ConfigNode list,
      BiFunction<String, ValueMatch, T> make,
      java.util.function.Predicate<String> validName) {
    List<T> result = new ArrayList<>();
    for (ConfigNode item : list.list()) {
      if (!item.mapping(UpstreamFields.NAMED_VALUE_MATCH)) {
        continue;
      }
      ConfigNode nameNode = item.field("name");
      String name = nameNode.requiredText();
      if (name != null && !validName.test(name)) {
        nameNode.error("invalid name");
        name = null;
      }
      ConfigNode valueNode = item.field("value");
      ValueMatch value = valueNode.require() ? value(valueNode) : null;
      if (name != null && value != null) {
        result.add(make.apply(name, value));
      }
    }
    return result;
  }

  private static ValueMatch value(ConfigNode match) {
    String variant = match.oneOf(UpstreamFields.VALUE_MATCH);
    if (variant == null) {
      return null;
    }
    ConfigNode value = match.field(variant);
    if (!value.require()) {
      return null;
    }
    String text = value.text();
    if (text == null) {
      return null;
    }
    if (variant.equals("exact")) {
      return new ValueMatch.Exact(text);
    }
    return regex(value, text) ? new ValueMatch.Regex(text) : null;
  }

  /** Compiles once at load time so a bad pattern is a config error, not a request failure. */
  private static boolean regex(ConfigNode node, String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (PatternSyntaxException e) {
      node.error(
          "invalid regex: "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
      return false;
    }
  }
}
