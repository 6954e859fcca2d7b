package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.xds.proto.LocalRateLimit;
import dev.agentgateway.model.xds.proto.PromptGuard;
import dev.agentgateway.model.xds.proto.Resource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AiPoliciesProtoTest {

  /** An {@code ai} policy using every field and variant. */
  static AiPolicy fullAi() {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("fast", "gpt-4o-mini");
    aliases.put("claude-*", "claude-sonnet-4");
    aliases.put("best", "gpt-4o");
    return new AiPolicy(
        new PromptGuardPolicy(
            true,
            List.of(
                new PromptGuardPolicy.RequestGuard(
                    new PromptGuardPolicy.Regex(
                        PromptGuardPolicy.Action.REJECT,
                        List.of(
                            new PromptGuardPolicy.Rule(null, "SSN"),
                            new PromptGuardPolicy.Rule(PromptGuardPolicy.Builtin.EMAIL, null))),
                    new PromptGuardPolicy.Rejection(
                        400,
                        "{\"error\":\"no\"}",
                        new HeaderModifier(
                            List.of(new HeaderValue("x-a", "1")),
                            List.of(new HeaderValue("content-type", "application/json")),
                            List.of("server"))),
                    Set.of(PromptGuardPolicy.Scope.TOOL_INPUT, PromptGuardPolicy.Scope.MESSAGES)),
                new PromptGuardPolicy.RequestGuard(
                    new PromptGuardPolicy.Webhook(
                        "guard.local", 8000, PromptGuardPolicy.FailureMode.FAIL_OPEN),
                    null,
                    null)),
            List.of(
                new PromptGuardPolicy.ResponseGuard(
                    new PromptGuardPolicy.Regex(
                        PromptGuardPolicy.Action.MASK,
                        List.of(
                            new PromptGuardPolicy.Rule(PromptGuardPolicy.Builtin.CREDIT_CARD, null),
                            new PromptGuardPolicy.Rule(PromptGuardPolicy.Builtin.CA_SIN, null))),
                    null),
                new PromptGuardPolicy.ResponseGuard(
                    new PromptGuardPolicy.Webhook("::1", 9000, null),
                    new PromptGuardPolicy.Rejection(451, "", null)))),
        Map.of("temperature", "0.2"),
        Map.of("max_tokens", "128", "metadata", "{\"team\":\"a\",\"tags\":[1,2]}"),
        new AiPolicy.Prompts(
            List.of(new AiPolicy.Message("system", "Be brief")),
            List.of(new AiPolicy.Message("user", ""))),
        aliases,
        Map.of("/v1/chat/completions", "completions", "/v1/responses", "responses"));
  }

  /** A rate limit with both bucket types. */
  static LocalRateLimitPolicy fullRateLimit() {
    return new LocalRateLimitPolicy(
        List.of(
            new LocalRateLimitPolicy.Limit(
                10, 2, Duration.ofSeconds(1), LocalRateLimitPolicy.Type.REQUESTS),
            new LocalRateLimitPolicy.Limit(
                100_000, 1_000, Duration.ofMillis(1500), LocalRateLimitPolicy.Type.TOKENS)));
  }

  private static Route route(RoutePolicies policies) {
    return new Route(
        "r",
        "l",
        "",
        "",
        "",
        List.of(),
        List.of(RouteMatch.ANY),
        policies,
        List.of(new RouteBackend(new Backend.Host("h", 80), 1)),
        -1);
  }

  private static RoutePolicies with(AiPolicy ai, LocalRateLimitPolicy limit) {
    return RoutePolicies.builder().ai(ai).localRateLimit(limit).build();
  }

  private static Object wire(Resource resource) throws InvalidProtocolBufferException {
    return ProtoToIr.decode(Resource.parseFrom(resource.toByteArray()));
  }

  @Test
  void fullAiAndRateLimitRoundTripKeepingMapOrder() throws Exception {
    Route route = route(with(fullAi(), fullRateLimit()));
    Route back = (Route) wire(IrToProto.resource(route));
    assertEquals(route, back);
    assertEquals(
        List.of("fast", "claude-*", "best"),
        List.copyOf(back.policies().ai().modelAliases().keySet()));
  }

  @Test
  void emptyAiPolicyRoundTrips() throws Exception {
    Route route = route(with(new AiPolicy(null, null, null, null, null, null), null));
    assertEquals(route, wire(IrToProto.resource(route)));
  }

  @Test
  void equalScopesEncodeToEqualBytes() {
    RoutePolicies a = with(fullAi(), null);
    RoutePolicies b = with(fullAi(), null);
    assertEquals(IrToProto.policies(a).toByteString(), IrToProto.policies(b).toByteString());
  }

  private static String rejected(dev.agentgateway.model.xds.proto.RoutePolicies policies) {
    Resource r =
        Resource.newBuilder()
            .setRoute(
                dev.agentgateway.model.xds.proto.Route.newBuilder()
                    .setKey("r1")
                    .setListenerKey("l1")
                    .setPolicies(policies))
            .build();
    return assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(r)).getMessage();
  }

  private static dev.agentgateway.model.xds.proto.RoutePolicies ai(
      dev.agentgateway.model.xds.proto.AiPolicy.Builder ai) {
    return dev.agentgateway.model.xds.proto.RoutePolicies.newBuilder().setAi(ai).build();
  }

  private static dev.agentgateway.model.xds.proto.AiPolicy.Builder guard(PromptGuard.Guard g) {
    return dev.agentgateway.model.xds.proto.AiPolicy.newBuilder()
        .setPromptGuard(PromptGuard.newBuilder().addRequest(g));
  }

  private static final PromptGuard.Rejection REJECTION =
      PromptGuard.Rejection.newBuilder().setStatus(403).setBody("no").build();

  @Test
  void invalidCustomPatternNamesTheField() {
    PromptGuard.Guard g =
        PromptGuard.Guard.newBuilder()
            .setRegex(
                PromptGuard.Regex.newBuilder()
                    .addRules(PromptGuard.Rule.newBuilder().setPattern("(")))
            .setRejection(REJECTION)
            .addScope(PromptGuard.Scope.MESSAGES)
            .build();
    String message = rejected(ai(guard(g)));
    assertEquals(
        "route/r1: policies.ai.prompt_guard.request[0].regex.rules[0].pattern: invalid regular"
            + " expression: Unclosed group",
        message);
  }

  @Test
  void requestGuardWithoutScopeOrCheckIsRefused() {
    PromptGuard.Guard noScope =
        PromptGuard.Guard.newBuilder()
            .setWebhook(PromptGuard.Webhook.newBuilder().setHost("g").setPort(80))
            .setRejection(REJECTION)
            .build();
    assertEquals(
        "route/r1: policies.ai.prompt_guard.request[0].scope: required",
        rejected(ai(guard(noScope))));
    PromptGuard.Guard noCheck =
        PromptGuard.Guard.newBuilder()
            .setRejection(REJECTION)
            .addScope(PromptGuard.Scope.MESSAGES)
            .build();
    assertEquals(
        "route/r1: policies.ai.prompt_guard.request[0]: no check set (regex or webhook)",
        rejected(ai(guard(noCheck))));
  }

  @Test
  void badDefaultsJsonAndUnknownRouteTypeAreRefused() {
    var badJson =
        dev.agentgateway.model.xds.proto.AiPolicy.newBuilder()
            .addDefaults(
                dev.agentgateway.model.xds.proto.KeyValue.newBuilder()
                    .setKey("temperature")
                    .setValue("{"));
    assertTrue(
        rejected(ai(badJson)).startsWith("route/r1: policies.ai.defaults[temperature]: not JSON"));
    var badRoute =
        dev.agentgateway.model.xds.proto.AiPolicy.newBuilder()
            .addRoutes(
                dev.agentgateway.model.xds.proto.KeyValue.newBuilder()
                    .setKey("/v1/x")
                    .setValue("chat"));
    assertEquals(
        "route/r1: policies.ai: routes./v1/x: unknown route type 'chat'", rejected(ai(badRoute)));
  }

  @Test
  void rateLimitNeedsPositiveCountsAndInterval() {
    var zero =
        dev.agentgateway.model.xds.proto.RoutePolicies.newBuilder()
            .setLocalRateLimit(
                LocalRateLimit.newBuilder()
                    .addLimits(
                        LocalRateLimit.Limit.newBuilder()
                            .setMaxTokens(0)
                            .setTokensPerFill(1)
                            .setFillInterval(
                                com.google.protobuf.Duration.newBuilder().setSeconds(1))))
            .build();
    assertEquals(
        "route/r1: policies.local_rate_limit.limits[0]: maxTokens must be at least 1, got 0",
        rejected(zero));
    var noInterval =
        dev.agentgateway.model.xds.proto.RoutePolicies.newBuilder()
            .setLocalRateLimit(
                LocalRateLimit.newBuilder()
                    .addLimits(
                        LocalRateLimit.Limit.newBuilder().setMaxTokens(1).setTokensPerFill(1)))
            .build();
    assertEquals(
        "route/r1: policies.local_rate_limit.limits[0].fill_interval: required",
        rejected(noInterval));
    var empty =
        dev.agentgateway.model.xds.proto.RoutePolicies.newBuilder()
            .setLocalRateLimit(LocalRateLimit.getDefaultInstance())
            .build();
    assertEquals(
        "route/r1: policies.local_rate_limit.limits: localRateLimit needs at least one limit",
        rejected(empty));
  }
}
