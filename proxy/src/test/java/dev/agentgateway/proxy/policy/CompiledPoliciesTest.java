package dev.agentgateway.proxy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompiledPoliciesTest {

  @Test
  void absentPoliciesCompileToNothing() {
    CompiledPolicies none = CompiledPolicies.compile(null);
    assertNull(none.requestHeaders());
    assertNull(none.redirect());
    assertNull(none.directStatus());
    assertSame(UrlRewriter.NONE, none.rewrite());
    assertSame(RetryPlan.NONE, none.retry());
    assertFalse(none.hasTimeout());
  }

  @Test
  void retryPlanLooksUpCodesAndBackoff() {
    RetryPlan plan = RetryPlan.compile(new RetryPolicy(3, Duration.ofMillis(5), Set.of(503, 429)));
    assertEquals(3, plan.attempts());
    assertEquals(5_000_000, plan.backoffNanos());
    assertTrue(plan.retriesStatus(503));
    assertTrue(plan.retriesStatus(429));
    assertFalse(plan.retriesStatus(500));
    assertFalse(plan.retriesStatus(999));
  }

  @Test
  void timeoutsBecomeNanoseconds() {
    CompiledPolicies p =
        CompiledPolicies.compile(
            TestConfigs.only(new TimeoutPolicy(Duration.ofSeconds(2), Duration.ofMillis(300))));
    assertEquals(2_000_000_000L, p.requestTimeoutNanos());
    assertEquals(300_000_000L, p.tryTimeoutNanos());
    assertTrue(p.hasTimeout());
  }

  @Test
  void headerMutationAddsSetsAndRemoves() {
    HeaderMutation mutation =
        HeaderMutation.compile(
            new HeaderModifier(
                List.of(new HeaderValue("X-A", "1")),
                List.of(new HeaderValue("X-B", "2")),
                List.of("X-C")));
    WritableHeaders<?> headers = WritableHeaders.create();
    headers.set(HeaderNames.create("X-A"), "0");
    headers.set(HeaderNames.create("X-B"), "old");
    headers.set(HeaderNames.create("X-C"), "gone");
    mutation.apply(headers);
    assertEquals(List.of("0", "1"), headers.get(HeaderNames.create("x-a")).allValues());
    assertEquals("2", headers.get(HeaderNames.create("x-b")).get());
    assertFalse(headers.contains(HeaderNames.create("x-c")));
    assertNull(HeaderMutation.compile(new HeaderModifier(List.of(), List.of(), List.of())));
  }

  @Test
  void redirectKeepsWhatItDoesNotChange() {
    RedirectAction redirect =
        RedirectAction.compile(
            new RequestRedirect(null, new AuthorityRewrite.Port(8443), null, 308));
    assertEquals(308, redirect.status().code());
    assertEquals(
        "http://a.test:8443/p?q",
        redirect.location("http", "a.test:80", "/p", "q", new PathMatch.Prefix("/")));
  }

  @Test
  void cacheCompilesEachRouteOncePerState() {
    Route route =
        new Route("r", "l", "r", "", "", List.of(), List.of(), RoutePolicies.NONE, List.of(), 0);
    GatewayConfig config =
        new GatewayConfig(
            StaticConfig.DEFAULT,
            FrontendHttp.DEFAULT,
            List.of(new Bind("b", 1)),
            List.of(),
            List.of(route),
            List.of(),
            List.of());
    ProxyState state = ProxyState.compile(config, 1);
    PolicyCache cache = new PolicyCache();
    CompiledPolicies first = cache.forRoute(state, route);
    assertSame(first, cache.forRoute(state, route));
    ProxyState next = ProxyState.compile(config, 2);
    CompiledPolicies afterReload = cache.forRoute(next, route);
    assertSame(afterReload, cache.forRoute(next, route));
    // A request still holding the older state gets correct policies without flipping the cache.
    assertEquals(first.retry(), cache.forRoute(state, route).retry());
    assertSame(afterReload, cache.forRoute(next, route));
  }

  @Test
  void aTopLevelPolicysRateLimitGatesTheRouteSelectionReturns() {
    Route route =
        new Route(
            "r", "l", "r", "apps", "", List.of(), List.of(), RoutePolicies.NONE, List.of(), 0);
    Policy limit =
        new Policy(
            "limit",
            "apps/limit",
            new PolicyTarget(PolicyTarget.Kind.ROUTE, "apps/r", null),
            RoutePolicies.builder()
                .localRateLimit(
                    new LocalRateLimitPolicy(
                        List.of(
                            new LocalRateLimitPolicy.Limit(
                                2, 2, Duration.ofMinutes(1), LocalRateLimitPolicy.Type.REQUESTS))))
                .build());
    GatewayConfig config =
        new GatewayConfig(
            StaticConfig.DEFAULT,
            FrontendHttp.DEFAULT,
            List.of(new Bind("b", 1)),
            List.of(),
            List.of(route),
            List.of(limit),
            List.of());
    ProxyState state = ProxyState.compile(config, 1);
    // The policy is merged into a new Route object: that one is what requests are matched to.
    Route merged = state.routes().get(0);
    PolicyCache cache = new PolicyCache();
    CompiledPolicies compiled = cache.forRoute(state, merged);
    assertTrue(compiled.rateLimit() != null, "the merged localRateLimit has its buckets");
    assertSame(compiled, cache.forRoute(state, merged), "compiled with the state, not on the side");
  }
}
