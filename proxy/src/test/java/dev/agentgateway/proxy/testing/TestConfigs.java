package dev.agentgateway.proxy.testing;

import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import java.util.List;

/** IR configs for tests: one bind with one plain HTTP listener and routes attached to it. */
public final class TestConfigs {
  /** The key of the listener {@link #oneListener} creates; routes attach to it. */
  public static final String LISTENER = "listener/main";

  private TestConfigs() {}

  /** A config with one bind on {@code port} and one listener (no hostname) serving routes. */
  public static GatewayConfig oneListener(int port, FrontendHttp frontend, List<Route> routes) {
    return oneListener(port, frontend, routes, List.of());
  }

  /** As {@link #oneListener(int, FrontendHttp, List)}, with the endpoints of Service backends. */
  public static GatewayConfig oneListener(
      int port, FrontendHttp frontend, List<Route> routes, List<ServiceEndpoints> endpoints) {
    Bind bind = new Bind("bind/" + port, port);
    Listener listener = new Listener(LISTENER, bind.key(), "main", null, ListenerProtocol.HTTP);
    return new GatewayConfig(
        StaticConfig.DEFAULT,
        frontend,
        List.of(bind),
        List.of(listener),
        routes,
        List.of(),
        endpoints);
  }

  /** A route on {@link #LISTENER} named {@code name}, matched by {@code match}. */
  public static Route route(
      String name,
      RouteMatch match,
      RoutePolicies policies,
      List<RouteBackend> backends,
      int order) {
    return new Route(
        "route/" + name,
        LISTENER,
        name,
        "default",
        "",
        List.of(),
        List.of(match),
        policies,
        backends,
        order);
  }

  /** Matches paths starting with {@code prefix}. */
  public static RouteMatch prefix(String prefix) {
    return new RouteMatch(new PathMatch.Prefix(prefix), null, List.of(), List.of());
  }

  /** Route policies with only {@code retry}. */
  public static RoutePolicies only(RetryPolicy retry) {
    return new RoutePolicies(null, null, null, null, null, null, null, retry);
  }

  /** Route policies with only {@code timeout}. */
  public static RoutePolicies only(TimeoutPolicy timeout) {
    return new RoutePolicies(null, null, null, null, null, null, timeout, null);
  }

  /** Route policies with only {@code rewrite}. */
  public static RoutePolicies only(UrlRewrite rewrite) {
    return new RoutePolicies(null, null, null, rewrite, null, null, null, null);
  }
}
