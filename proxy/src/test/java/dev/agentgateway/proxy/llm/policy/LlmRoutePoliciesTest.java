package dev.agentgateway.proxy.llm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.guard.StreamingResponseGuard;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitDecision;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitGate;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmRoutePoliciesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final long[] now = {0};
  private final RateLimiters limiters = new RateLimiters(() -> now[0]);

  @AfterEach
  void close() {
    http.close();
  }

  private static RoutePolicies policies(AiPolicy ai, LocalRateLimitPolicy limit) {
    return RoutePolicies.builder().ai(ai).localRateLimit(limit).build();
  }

  private LlmRoutePolicies compile(AiPolicy ai) {
    return LlmRoutePolicies.compile("r", policies(ai, null), http, limiters);
  }

  private static AiPolicy guarded(PromptGuardPolicy guard) {
    return new AiPolicy(guard, null, null, null, null, null);
  }

  private static PromptGuardPolicy.Regex regex(
      PromptGuardPolicy.Action action, PromptGuardPolicy.Builtin... builtins) {
    return new PromptGuardPolicy.Regex(
        action,
        java.util.Arrays.stream(builtins).map(b -> new PromptGuardPolicy.Rule(b, null)).toList());
  }

  private static PromptGuardPolicy requestGuard(
      PromptGuardPolicy.Check check, PromptGuardPolicy.Rejection rejection) {
    return new PromptGuardPolicy(
        false, List.of(new PromptGuardPolicy.RequestGuard(check, rejection, null)), List.of());
  }

  private static ObjectNode body(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void noPoliciesCompileToNoneAndPassEverything() throws Exception {
    assertSame(
        LlmRoutePolicies.NONE, LlmRoutePolicies.compile("r", RoutePolicies.NONE, http, limiters));
    assertSame(LlmRoutePolicies.NONE, LlmRoutePolicies.compile("r", null, http, limiters));
    ObjectNode body = body("{\"model\":\"m\",\"messages\":[]}");
    assertEquals(
        new PolicyOutcome.Proceed(false),
        LlmRoutePolicies.NONE.beforeRequest(body, ClientFormat.OPENAI_CHAT));
    assertNull(LlmRoutePolicies.NONE.rateLimit());
    assertNull(LlmRoutePolicies.NONE.streamGuard());
  }

  @Test
  void aliasResolvesBeforeDefaultsAndOverridesHaveTheLastWord() throws Exception {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("fast", "gpt-4o-mini");
    LlmRoutePolicies compiled =
        compile(
            new AiPolicy(
                null,
                Map.of("model", "\"fast\"", "temperature", "0.2"),
                Map.of("max_tokens", "64"),
                null,
                aliases,
                null));

    ObjectNode aliased = body("{\"model\":\"fast\",\"temperature\":1,\"messages\":[]}");
    assertEquals(
        new PolicyOutcome.Proceed(true), compiled.beforeRequest(aliased, ClientFormat.OPENAI_CHAT));
    assertEquals(
        body("{\"model\":\"gpt-4o-mini\",\"temperature\":1,\"messages\":[],\"max_tokens\":64}"),
        aliased);

    // A model filled in by defaults comes after alias resolution, so it is not resolved.
    ObjectNode modelless = body("{\"messages\":[]}");
    compiled.beforeRequest(modelless, ClientFormat.OPENAI_CHAT);
    assertEquals("fast", modelless.get("model").asText());
    assertEquals(0.2, modelless.get("temperature").asDouble());
  }

  @Test
  void requestGuardRejectsWithTheConfiguredStatusBodyAndHeaders() throws Exception {
    LlmRoutePolicies compiled =
        compile(
            guarded(
                requestGuard(
                    new PromptGuardPolicy.Regex(
                        PromptGuardPolicy.Action.REJECT,
                        List.of(new PromptGuardPolicy.Rule(null, "Social Security"))),
                    new PromptGuardPolicy.Rejection(
                        400,
                        "{\"error\":\"content_policy_violation\"}",
                        new HeaderModifier(
                            List.of(),
                            List.of(new HeaderValue("content-type", "application/json")),
                            List.of())))));
    PolicyOutcome outcome =
        compiled.beforeRequest(
            body(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"my Social Security number is\"}]}"),
            ClientFormat.OPENAI_CHAT);
    PolicyOutcome.Reject reject = assertInstanceOf(PolicyOutcome.Reject.class, outcome);
    assertEquals(400, reject.status());
    assertEquals("{\"error\":\"content_policy_violation\"}", reject.body());
    assertEquals(Map.of("content-type", "application/json"), reject.headers().set());
  }

  @Test
  void defaultRejectionIsUpstreams403() throws Exception {
    LlmRoutePolicies compiled =
        compile(
            guarded(
                requestGuard(
                    regex(PromptGuardPolicy.Action.REJECT, PromptGuardPolicy.Builtin.EMAIL),
                    null)));
    PolicyOutcome.Reject reject =
        assertInstanceOf(
            PolicyOutcome.Reject.class,
            compiled.beforeRequest(
                body("{\"messages\":[{\"role\":\"user\",\"content\":\"mail a.b@example.com\"}]}"),
                ClientFormat.OPENAI_CHAT));
    assertEquals(403, reject.status());
    assertEquals(PromptGuardPolicy.DEFAULT_REJECTION_BODY, reject.body());
  }

  @Test
  void masksPiiInAnAnthropicRequestInPlace() throws Exception {
    LlmRoutePolicies compiled =
        compile(
            guarded(
                requestGuard(
                    regex(PromptGuardPolicy.Action.MASK, PromptGuardPolicy.Builtin.SSN), null)));
    ObjectNode body =
        body(
            "{\"model\":\"claude\",\"system\":\"ssn 078-05-1120 known\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"mine is 219-09-9999\"}]}");
    assertEquals(
        new PolicyOutcome.Proceed(true),
        compiled.beforeRequest(body, ClientFormat.ANTHROPIC_MESSAGES));
    assertEquals("ssn <US_SSN> known", body.get("system").asText());
    assertEquals("mine is <US_SSN>", body.at("/messages/0/content").asText());
  }

  @Test
  void enrichmentRunsBeforeTheGuardsSoAddedPromptsAreGuardedToo() throws Exception {
    LlmRoutePolicies compiled =
        compile(
            new AiPolicy(
                requestGuard(
                    regex(PromptGuardPolicy.Action.MASK, PromptGuardPolicy.Builtin.EMAIL), null),
                null,
                null,
                new AiPolicy.Prompts(
                    List.of(new AiPolicy.Message("system", "Be brief")),
                    List.of(new AiPolicy.Message("user", "cc ops@example.com"))),
                null,
                null));
    ObjectNode body = body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(
        new PolicyOutcome.Proceed(true), compiled.beforeRequest(body, ClientFormat.OPENAI_CHAT));
    assertEquals(
        body(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"user\",\"content\":\"cc <EMAIL_ADDRESS>\"}]}"),
        body);
  }

  @Test
  void responsesRequestsGetPromptsAndGuards() throws Exception {
    LlmRoutePolicies compiled =
        compile(
            new AiPolicy(
                requestGuard(
                    regex(PromptGuardPolicy.Action.MASK, PromptGuardPolicy.Builtin.SSN), null),
                null,
                null,
                new AiPolicy.Prompts(
                    List.of(), List.of(new AiPolicy.Message("system", "Respond with emojis only"))),
                null,
                null));
    ObjectNode body =
        body("{\"model\":\"m\",\"instructions\":\"a 219-09-9999\",\"input\":\"b 078-05-1120\"}");
    assertEquals(
        new PolicyOutcome.Proceed(true),
        compiled.beforeRequest(body, ClientFormat.OPENAI_RESPONSES));
    assertEquals(
        body(
            "{\"model\":\"m\",\"instructions\":\"a <US_SSN>\","
                + "\"input\":[{\"role\":\"user\",\"content\":\"b <US_SSN>\"},"
                + "{\"role\":\"system\",\"content\":\"Respond with emojis only\","
                + "\"type\":\"message\"}]}"),
        body);
  }

  @Test
  void responseGuardsMaskAndRejectWholeResponses() throws Exception {
    PromptGuardPolicy guard =
        new PromptGuardPolicy(
            false,
            List.of(),
            List.of(
                new PromptGuardPolicy.ResponseGuard(
                    regex(PromptGuardPolicy.Action.MASK, PromptGuardPolicy.Builtin.EMAIL), null),
                new PromptGuardPolicy.ResponseGuard(
                    regex(PromptGuardPolicy.Action.REJECT, PromptGuardPolicy.Builtin.CREDIT_CARD),
                    new PromptGuardPolicy.Rejection(451, "blocked", null))));
    LlmRoutePolicies compiled = compile(guarded(guard));
    ObjectNode masked =
        body(
            "{\"choices\":[{\"message\":{\"role\":\"assistant\","
                + "\"content\":\"write to bob@example.com\"}}]}");
    assertEquals(
        new PolicyOutcome.Proceed(true), compiled.afterResponse(masked, ClientFormat.OPENAI_CHAT));
    assertEquals("write to <EMAIL_ADDRESS>", masked.at("/choices/0/message/content").asText());

    ObjectNode card =
        body(
            "{\"content\":[{\"type\":\"text\",\"text\":\"card 4111 1111 1111 1111\"}],"
                + "\"role\":\"assistant\"}");
    PolicyOutcome.Reject reject =
        assertInstanceOf(
            PolicyOutcome.Reject.class,
            compiled.afterResponse(card, ClientFormat.ANTHROPIC_MESSAGES));
    assertEquals(451, reject.status());
    assertEquals("blocked", reject.body());
    assertNull(compiled.streamGuard(), "streaming is not enabled");
  }

  @Test
  void streamGuardMasksAcrossDeltasWhenStreamingIsEnabled() {
    PromptGuardPolicy guard =
        new PromptGuardPolicy(
            true,
            List.of(),
            List.of(
                new PromptGuardPolicy.ResponseGuard(
                    regex(PromptGuardPolicy.Action.MASK, PromptGuardPolicy.Builtin.SSN), null)));
    LlmRoutePolicies compiled = compile(guarded(guard));
    StreamingResponseGuard stream = compiled.streamGuard();
    assertNotNull(stream);
    StringBuilder out = new StringBuilder();
    for (String delta : List.of("my number is 219-", "09-99", "99, ok")) {
      out.append(stream.push(delta).text());
    }
    out.append(stream.finish().text());
    assertEquals("my number is <US_SSN>, ok", out.toString());
    assertTrue(compiled.streamGuard() != stream, "one guard per stream");
  }

  @Test
  void tokensAreChargedAfterTheResponseAndRequestsCounted() {
    LocalRateLimitPolicy limit =
        new LocalRateLimitPolicy(
            List.of(
                new LocalRateLimitPolicy.Limit(
                    100, 100, Duration.ofMinutes(1), LocalRateLimitPolicy.Type.TOKENS),
                new LocalRateLimitPolicy.Limit(
                    5, 5, Duration.ofMinutes(1), LocalRateLimitPolicy.Type.REQUESTS)));
    LlmRoutePolicies compiled =
        LlmRoutePolicies.compile("r", policies(null, limit), http, limiters);
    RateLimitGate gate = compiled.rateLimit();
    RateLimitDecision first = gate.check(0);
    assertTrue(first.allowed());
    gate.amend(150, 0); // the response reported 150 tokens: more than the bucket held
    RateLimitDecision second = gate.check(0);
    assertFalse(second.allowed());
    assertEquals("0", second.headers().get(RateLimitDecision.REMAINING));
    assertEquals("60", second.headers().get(RateLimitDecision.RETRY_AFTER));

    now[0] += Duration.ofMinutes(1).toNanos();
    assertTrue(gate.check(0).allowed(), "one fill later the tokens are back");
    // A recompiled config keeps the route's counts: the requests bucket, full again after the
    // fill, has given one to the request above and gives this one its second.
    RateLimitGate again =
        LlmRoutePolicies.compile("r", policies(null, limit), http, limiters).rateLimit();
    assertEquals("3", again.check(0).headers().get(RateLimitDecision.REMAINING));
  }

  @Test
  void routeTypeIsChosenByTheLongestPathSuffix() {
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put("/completions", "passthrough");
    routes.put("/v1/chat/completions", "completions");
    routes.put("/v1/responses", "responses");
    LlmRoutePolicies compiled = compile(new AiPolicy(null, null, null, null, null, routes));
    assertEquals("completions", compiled.routeType("/openai/v1/chat/completions"));
    assertEquals("passthrough", compiled.routeType("/legacy/completions"));
    assertEquals("responses", compiled.routeType("/v1/responses"));
    assertNull(compiled.routeType("/v1/embeddings"));
  }

  @Test
  void aPolicyThatCannotCompileRefusesEveryRequestWith500() throws Exception {
    LlmRoutePolicies compiled =
        compile(new AiPolicy(null, Map.of("temperature", "{"), null, null, null, null));
    assertEquals("temperature: not JSON", compiled.problem());
    PolicyOutcome.Reject reject =
        assertInstanceOf(
            PolicyOutcome.Reject.class,
            compiled.beforeRequest(body("{}"), ClientFormat.OPENAI_CHAT));
    assertEquals(500, reject.status());
  }
}
