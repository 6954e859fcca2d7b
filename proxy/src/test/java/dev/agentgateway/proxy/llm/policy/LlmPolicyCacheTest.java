package dev.agentgateway.proxy.llm.policy;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmPolicyCacheTest {
  private static Route route(String key, RoutePolicies policies) {
    return new Route(
        key,
        "l",
        "",
        "",
        "",
        List.of(),
        List.of(RouteMatch.ANY),
        policies,
        List.of(new RouteBackend(new Backend.Host("h", 80), 1)),
        0);
  }

  private static RoutePolicies ai(String alias) {
    return RoutePolicies.builder()
        .ai(new AiPolicy(null, null, null, null, Map.of("a", alias), null))
        .build();
  }

  @Test
  void compilesOncePerRouteAndNeverForRoutesWithoutLlmPolicies() {
    try (HttpClient http = HttpClient.newHttpClient()) {
      LlmPolicyCache cache = new LlmPolicyCache(http, new RateLimiters(System::nanoTime));
      Route r1 = route("r1", ai("m1"));
      LlmRoutePolicies first = cache.forRoute(r1);
      assertSame(first, cache.forRoute(r1));
      assertNotSame(first, cache.forRoute(route("r2", ai("m2"))));
      assertSame(LlmRoutePolicies.NONE, cache.forRoute(route("r3", RoutePolicies.NONE)));
    }
  }
}
