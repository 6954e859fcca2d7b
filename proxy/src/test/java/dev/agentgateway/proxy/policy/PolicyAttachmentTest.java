package dev.agentgateway.proxy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.PolicyTarget.Kind;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TimeoutPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyAttachmentTest {
  private static final Listener HTTP =
      new Listener("default/gw.http", "8080", "http", null, ListenerProtocol.HTTP);
  private static final Listener SET_LISTENER =
      new Listener("default/gw/extra.web", "8081", "web", null, ListenerProtocol.HTTP);
  private static final Listener OTHER_GW =
      new Listener("default/gw2.http", "8082", "http", null, ListenerProtocol.HTTP);
  private static final Backend SVC = new Backend.Service("default", "echo", 80);
  private static final Backend OTHER_SVC = new Backend.Service("default", "other", 80);

  private static Route route(
      Listener listener, String name, String rule, RoutePolicies inline, Backend... backends) {
    return new Route(
        "default/" + name + ".00." + listener.key(),
        listener.key(),
        name,
        "default",
        rule,
        List.of(),
        List.of(),
        inline,
        List.of(backends).stream().map(b -> new RouteBackend(b, 1)).toList(),
        0);
  }

  private static Policy policy(
      String key, Kind kind, String name, String section, RoutePolicies p) {
    return new Policy(key, key, new PolicyTarget(kind, name, section), p);
  }

  private static RoutePolicies timeout(int seconds) {
    return RoutePolicies.builder()
        .timeout(new TimeoutPolicy(Duration.ofSeconds(seconds), null))
        .build();
  }

  private static RoutePolicies header(String value) {
    return RoutePolicies.builder()
        .requestHeaderModifier(
            new HeaderModifier(List.of(), List.of(new HeaderValue("x-level", value)), List.of()))
        .build();
  }

  private static String level(Route r) {
    HeaderModifier m = r.policies().requestHeaderModifier();
    return m == null ? null : m.set().get(0).value();
  }

  private static Route only(List<Policy> policies, Listener listener, Route route) {
    return PolicyAttachment.apply(policies, List.of(HTTP, SET_LISTENER, OTHER_GW), List.of(route))
        .get(0);
  }

  @Test
  void mostSpecificAttachmentWinsFieldByField() {
    List<Policy> policies =
        List.of(
            policy("b", Kind.BACKEND, "default/echo", null, header("backend")),
            policy("r", Kind.ROUTE, "default/web", null, header("route")),
            policy("g", Kind.GATEWAY, "default/gw", null, header("gateway")),
            policy("gt", Kind.GATEWAY, "default/gw", null, timeout(5)),
            policy("l", Kind.LISTENER, "default/gw.http", null, header("listener")));
    Route merged = only(policies, HTTP, route(HTTP, "web", "", RoutePolicies.NONE, SVC));
    assertEquals("backend", level(merged));
    // a field nobody more specific sets comes from the gateway
    assertEquals(Duration.ofSeconds(5), merged.policies().timeout().requestTimeout());

    Route plain = route(HTTP, "web", "", RoutePolicies.NONE, SVC);
    assertEquals("route", level(only(policies.subList(1, 5), HTTP, plain)));
    assertEquals("listener", level(only(policies.subList(2, 5), HTTP, plain)));
    assertEquals("gateway", level(only(policies.subList(2, 4), HTTP, plain)));
  }

  @Test
  void inlinePoliciesCountAsRuleLevel() {
    List<Policy> policies =
        List.of(
            policy("r", Kind.ROUTE, "default/web", null, header("route")),
            policy("b", Kind.BACKEND, "default/echo:80", null, timeout(9)));
    Route merged = only(policies, HTTP, route(HTTP, "web", "", header("inline"), SVC));
    assertEquals("inline", level(merged));
    assertEquals(Duration.ofSeconds(9), merged.policies().timeout().requestTimeout());
    Route backendWins =
        only(
            List.of(policy("b", Kind.BACKEND, "default/echo", null, header("backend"))),
            HTTP,
            route(HTTP, "web", "", header("inline"), SVC));
    assertEquals("backend", level(backendWins));
  }

  @Test
  void ruleSectionOnlyReachesThatRule() {
    Policy rule = policy("s", Kind.ROUTE, "default/web", "second", header("rule"));
    assertEquals(
        "rule", level(only(List.of(rule), HTTP, route(HTTP, "web", "second", RoutePolicies.NONE))));
    assertNull(level(only(List.of(rule), HTTP, route(HTTP, "web", "first", RoutePolicies.NONE))));
    Policy whole = policy("w", Kind.ROUTE, "default/web", null, header("route"));
    assertEquals(
        "rule",
        level(only(List.of(rule, whole), HTTP, route(HTTP, "web", "second", RoutePolicies.NONE))));
  }

  @Test
  void gatewayAndListenerTargetsMatchKeysAtABoundary() {
    Policy gw = policy("g", Kind.GATEWAY, "default/gw", null, header("gateway"));
    assertEquals(
        "gateway",
        level(only(List.of(gw), SET_LISTENER, route(SET_LISTENER, "web", "", RoutePolicies.NONE))));
    assertNull(
        level(only(List.of(gw), OTHER_GW, route(OTHER_GW, "web", "", RoutePolicies.NONE))),
        "default/gw must not reach default/gw2");
    Policy set = policy("ls", Kind.LISTENER, "default/gw/extra", null, header("set"));
    assertEquals(
        "set",
        level(
            only(List.of(set), SET_LISTENER, route(SET_LISTENER, "web", "", RoutePolicies.NONE))));
    assertNull(level(only(List.of(set), HTTP, route(HTTP, "web", "", RoutePolicies.NONE))));
    Policy everyListener = policy("all", Kind.GATEWAY, "", null, header("all"));
    assertEquals(
        "all",
        level(
            only(List.of(everyListener), OTHER_GW, route(OTHER_GW, "x", "", RoutePolicies.NONE))));
  }

  @Test
  void backendPolicyNeedsEveryBackendOfTheRoute() {
    Policy b = policy("b", Kind.BACKEND, "default/echo", null, header("backend"));
    assertNull(
        level(only(List.of(b), HTTP, route(HTTP, "web", "", RoutePolicies.NONE, SVC, OTHER_SVC))));
    assertNull(
        level(
            only(
                List.of(policy("p", Kind.BACKEND, "default/echo:81", null, header("port"))),
                HTTP,
                route(HTTP, "web", "", RoutePolicies.NONE, SVC))));
  }

  @Test
  void noPoliciesKeepsTheSameRoutes() {
    List<Route> routes = List.of(route(HTTP, "web", "", RoutePolicies.NONE, SVC));
    assertSame(routes, PolicyAttachment.apply(List.of(), List.of(HTTP), routes));
  }

  private static Policy override(String key, Kind kind, String name, RoutePolicies p) {
    return new Policy(
        key,
        key,
        new PolicyTarget(kind, name, null),
        p,
        Policy.Phase.ROUTE,
        Policy.Inheritance.OVERRIDE);
  }

  @Test
  void overrideKeepsTheFieldsItSetsAgainstMoreSpecificPolicies() {
    List<Policy> policies =
        List.of(
            override("g", Kind.GATEWAY, "default/gw", header("gateway")),
            policy("r", Kind.ROUTE, "default/web", null, header("route")),
            policy("rt", Kind.ROUTE, "default/web", null, timeout(3)),
            policy("b", Kind.BACKEND, "default/echo", null, header("backend")));
    Route merged = only(policies, HTTP, route(HTTP, "web", "", header("inline"), SVC));
    assertEquals("gateway", level(merged));
    // fields the override does not set still merge by specificity
    assertEquals(Duration.ofSeconds(3), merged.policies().timeout().requestTimeout());
  }

  @Test
  void theLeastSpecificOfTwoOverridesWins() {
    List<Policy> policies =
        List.of(
            override("l", Kind.LISTENER, "default/gw.http", header("listener")),
            override("g", Kind.GATEWAY, "default/gw", header("gateway")),
            policy("r", Kind.ROUTE, "default/web", null, header("route")));
    assertEquals(
        "gateway", level(only(policies, HTTP, route(HTTP, "web", "", RoutePolicies.NONE, SVC))));
  }

  @Test
  void gatewayPhasePoliciesMergePerListenerAndNeverReachRoutes() {
    Policy early =
        new Policy(
            "e",
            "e",
            new PolicyTarget(Kind.GATEWAY, "default/gw", null),
            RoutePolicies.builder()
                .cors(
                    new dev.agentgateway.model.ir.CorsPolicy(
                        false, List.of(), List.of(), List.of("*"), List.of(), null))
                .build(),
            Policy.Phase.GATEWAY,
            Policy.Inheritance.DEFAULT);
    Policy listener =
        new Policy(
            "l",
            "l",
            new PolicyTarget(Kind.LISTENER, "default/gw.http", null),
            RoutePolicies.builder()
                .cors(
                    new dev.agentgateway.model.ir.CorsPolicy(
                        false, List.of(), List.of(), List.of("https://a.example"), List.of(), null))
                .build(),
            Policy.Phase.GATEWAY,
            Policy.Inheritance.DEFAULT);
    Route plain = route(HTTP, "web", "", RoutePolicies.NONE, SVC);
    assertSame(plain, only(List.of(early, listener), HTTP, plain));
    assertEquals(
        List.of("https://a.example"),
        PolicyAttachment.gatewayPhase(List.of(early, listener), HTTP).cors().allowOrigins());
    assertEquals(
        List.of("*"),
        PolicyAttachment.gatewayPhase(List.of(early, listener), SET_LISTENER)
            .cors()
            .allowOrigins());
    assertNull(PolicyAttachment.gatewayPhase(List.of(early, listener), OTHER_GW));
  }

  @Test
  void aHostRewriteUnderAPathOnlyRouteRewriteStillApplies() {
    RoutePolicies hostNone =
        RoutePolicies.builder()
            .urlRewrite(
                new dev.agentgateway.model.ir.UrlRewrite(
                    new dev.agentgateway.model.ir.AuthorityRewrite.None(), null))
            .build();
    dev.agentgateway.model.ir.PathRewrite prefix =
        new dev.agentgateway.model.ir.PathRewrite.Prefix("/v2");
    RoutePolicies pathOnly =
        RoutePolicies.builder()
            .urlRewrite(new dev.agentgateway.model.ir.UrlRewrite(null, prefix))
            .build();
    Route merged =
        only(
            List.of(policy("g", Kind.GATEWAY, "default/gw", null, hostNone)),
            HTTP,
            route(HTTP, "web", "", pathOnly, SVC));
    assertEquals(
        new dev.agentgateway.model.ir.UrlRewrite(
            new dev.agentgateway.model.ir.AuthorityRewrite.None(), prefix),
        merged.policies().urlRewrite());
  }
}
