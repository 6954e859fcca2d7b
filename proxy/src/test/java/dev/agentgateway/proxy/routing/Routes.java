package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.ValueMatch;
import java.util.List;

/** Short constructors for IR records in routing tests. */
final class Routes {
  static final String LISTENER = "listener";

  private Routes() {}

  static Listener listener(String key, String hostname) {
    return new Listener(key, "bind/1", key, hostname, null);
  }

  static Route route(String key, int order, RouteMatch... matches) {
    return route(key, LISTENER, order, List.of(), matches);
  }

  static Route route(
      String key, String listener, int order, List<String> hostnames, RouteMatch... matches) {
    List<RouteBackend> backends =
        List.of(new RouteBackend(new Backend.Host("backend-" + key, 8080), 1));
    return route(key, listener, order, hostnames, backends, matches);
  }

  static Route route(
      String key,
      String listener,
      int order,
      List<String> hostnames,
      List<RouteBackend> backends,
      RouteMatch... matches) {
    return new Route(
        key, listener, key, "default", "", hostnames, List.of(matches), null, backends, order);
  }

  static RouteMatch exact(String path) {
    return match(new PathMatch.Exact(path));
  }

  static RouteMatch prefix(String path) {
    return match(new PathMatch.Prefix(path));
  }

  static RouteMatch regex(String pattern) {
    return match(new PathMatch.Regex(pattern));
  }

  static RouteMatch match(PathMatch path) {
    return new RouteMatch(path, null, List.of(), List.of());
  }

  static RouteMatch withMethod(RouteMatch m, String method) {
    return new RouteMatch(m.path(), method, m.headers(), m.query());
  }

  static RouteMatch withHeaders(RouteMatch m, HeaderMatch... headers) {
    return new RouteMatch(m.path(), m.method(), List.of(headers), m.query());
  }

  static RouteMatch withQuery(RouteMatch m, QueryMatch... query) {
    return new RouteMatch(m.path(), m.method(), m.headers(), List.of(query));
  }

  static HeaderMatch header(String name, String value) {
    return new HeaderMatch(name, new ValueMatch.Exact(value));
  }

  static HeaderMatch headerRegex(String name, String pattern) {
    return new HeaderMatch(name, new ValueMatch.Regex(pattern));
  }

  static QueryMatch query(String name, String value) {
    return new QueryMatch(name, new ValueMatch.Exact(value));
  }

  static QueryMatch queryRegex(String name, String pattern) {
    return new QueryMatch(name, new ValueMatch.Regex(pattern));
  }

  /** A table with one listener without hostname and {@code routes} attached to it. */
  static RouteTable table(Route... routes) {
    return RouteTable.compile(List.of(listener(LISTENER, null)), List.of(routes));
  }

  /** The key of the route {@code table} selects for {@code request}, or {@code null}. */
  static String winner(RouteTable table, TestRequest request) {
    RouteSelection selection = table.select(request);
    return selection == null ? null : selection.route().key();
  }
}
