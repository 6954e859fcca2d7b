package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code ai} and {@code localRateLimit} route policies in upstream's shape. */
class AiPolicyConfigTest {
  private static final String P = "binds[0].listeners[0].routes[0].policies.";

  private static RoutePolicies policies(String body) throws ConfigException {
    return new LocalConfigLoader(Map.of("GUARD_PORT", "8000"))
        .parse(ConfigErrorsTest.route(body))
        .routes()
        .get(0)
        .policies();
  }

  private static List<ConfigError> errors(String body) {
    return ConfigErrorsTest.errors(ConfigErrorsTest.route(body));
  }

  @Test
  void readsEveryAiFieldKeepingAliasOrder() throws ConfigException {
    AiPolicy ai =
        policies(
                """
                policies:
                  ai:
                    routes: {/v1/chat/completions: completions, /v1/messages: messages}
                    prompts:
                      prepend: [{role: system, content: Be brief}]
                      append: [{role: user, content: "Answer in French"}]
                    defaults: {temperature: 0.2, stop: ["\\n"]}
                    overrides: {max_tokens: 64, metadata: {team: a}}
                    modelAliases: {fast: gpt-4o-mini, "claude-*": claude-sonnet-4, best: gpt-4o}
                    promptGuard:
                      streaming: Enabled
                      request:
                      - regex: {rules: [{builtin: ssn}, {pattern: "secret-\\\\d+"}]}
                        scope: [messages, toolInput]
                      - webhook:
                          target: {host: "guard.local:$GUARD_PORT"}
                          failureMode: failOpen
                        rejection: {status: 451, body: [110, 111], headers: {set: {x-why: pii}}}
                      response:
                      - regex: {action: reject, rules: [{builtin: creditCard}]}
                backends: [{host: "a:1"}]
                """)
            .ai();
    assertEquals(
        Map.of("/v1/chat/completions", "completions", "/v1/messages", "messages"), ai.routes());
    assertEquals(
        new AiPolicy.Prompts(
            List.of(new AiPolicy.Message("system", "Be brief")),
            List.of(new AiPolicy.Message("user", "Answer in French"))),
        ai.prompts());
    assertEquals(Map.of("temperature", "0.2", "stop", "[\"\\n\"]"), ai.defaults());
    assertEquals(Map.of("max_tokens", "64", "metadata", "{\"team\":\"a\"}"), ai.overrides());
    assertEquals(List.of("fast", "claude-*", "best"), List.copyOf(ai.modelAliases().keySet()));
    assertEquals(
        new PromptGuardPolicy(
            true,
            List.of(
                new PromptGuardPolicy.RequestGuard(
                    new PromptGuardPolicy.Regex(
                        PromptGuardPolicy.Action.MASK,
                        List.of(
                            new PromptGuardPolicy.Rule(PromptGuardPolicy.Builtin.SSN, null),
                            new PromptGuardPolicy.Rule(null, "secret-\\d+"))),
                    null,
                    Set.of(PromptGuardPolicy.Scope.MESSAGES, PromptGuardPolicy.Scope.TOOL_INPUT)),
                new PromptGuardPolicy.RequestGuard(
                    new PromptGuardPolicy.Webhook(
                        "guard.local", 8000, PromptGuardPolicy.FailureMode.FAIL_OPEN),
                    new PromptGuardPolicy.Rejection(
                        451,
                        "no",
                        new HeaderModifier(
                            List.of(), List.of(new HeaderValue("x-why", "pii")), List.of())),
                    null)),
            List.of(
                new PromptGuardPolicy.ResponseGuard(
                    new PromptGuardPolicy.Regex(
                        PromptGuardPolicy.Action.REJECT,
                        List.of(
                            new PromptGuardPolicy.Rule(
                                PromptGuardPolicy.Builtin.CREDIT_CARD, null))),
                    null))),
        ai.promptGuard());
  }

  @Test
  void guardDefaultsAreUpstreams() throws ConfigException {
    PromptGuardPolicy guard =
        policies(
                """
                policies:
                  ai: {promptGuard: {request: [{regex: {rules: [{builtin: email}]}}]}}
                backends: [{host: "a:1"}]
                """)
            .ai()
            .promptGuard();
    assertFalse(guard.streaming());
    PromptGuardPolicy.RequestGuard g = guard.request().get(0);
    assertEquals(PromptGuardPolicy.DEFAULT_REJECTION, g.rejection());
    assertEquals(PromptGuardPolicy.Scope.DEFAULT, g.scope());
    assertEquals(PromptGuardPolicy.Action.MASK, ((PromptGuardPolicy.Regex) g.check()).action());
  }

  @Test
  void cloudGuardsAndWebhookHeadersAreNotSupportedYet() {
    assertEquals(
        List.of(
            new ConfigError(P + "ai.promptCaching", "\"promptCaching\" is not supported yet"),
            new ConfigError(
                P + "ai.promptGuard.request[0].openAIModeration",
                "\"openAIModeration\" is not supported yet"),
            new ConfigError(
                P + "ai.promptGuard.request[1].webhook.headers",
                "\"headers\" is not supported yet"),
            new ConfigError(
                P + "ai.promptGuard.response[0].bedrockGuardrails",
                "\"bedrockGuardrails\" is not supported yet")),
        errors(
            """
            policies:
              ai:
                promptGuard:
                  request:
                  - openAIModeration: {model: omni-moderation-latest}
                  - webhook: {target: {host: "g:1"}, headers: {x-k: "'v'"}}
                  response:
                  - bedrockGuardrails: {guardrailIdentifier: g, guardrailVersion: "1", region: r}
                promptCaching: {}
            backends: [{host: "a:1"}]
            """));
  }

  @Test
  void badAiValuesNameTheirField() {
    assertEquals(
        List.of(
            new ConfigError(
                P + "ai.routes./v1/chat",
                "must be one of completions, messages, models, passthrough, detect, responses,"
                    + " embeddings, realtime, anthropicTokenCount, generateContent,"
                    + " geminiCountTokens, rerank"),
            new ConfigError(
                P + "ai.promptGuard.request[0].regex.rules[0].builtin",
                "must be one of ssn, creditCard, phoneNumber, email, caSin"),
            new ConfigError(
                P + "ai.promptGuard.request[0].regex.rules[1].pattern",
                "invalid regular expression: Unclosed group"),
            new ConfigError(
                P + "ai.promptGuard.request[0].scope[0]",
                "must be one of systemPrompt, messages, toolOutput, toolInput"),
            new ConfigError(
                P + "ai.promptGuard.request[1]", "only one of regex, webhook may be set"),
            new ConfigError(
                P + "ai.promptGuard.response[0].rejection.status", "must be between 100 and 999"),
            new ConfigError(P + "ai.prompts.append[0].role", "\"role\" is required")),
        errors(
            """
            policies:
              ai:
                routes: {/v1/chat: chat}
                prompts: {append: [{content: hi}]}
                promptGuard:
                  request:
                  - regex: {rules: [{builtin: url}, {pattern: "("}]}
                    scope: [prompt]
                  - regex: {rules: [{builtin: ssn}]}
                    webhook: {target: {host: "g:1"}}
                  response:
                  - regex: {rules: [{builtin: ssn}]}
                    rejection: {status: 42}
            backends: [{host: "a:1"}]
            """));
  }

  @Test
  void readsLocalRateLimitBuckets() throws ConfigException {
    assertEquals(
        new LocalRateLimitPolicy(
            List.of(
                new LocalRateLimitPolicy.Limit(
                    10, 1, Duration.ofSeconds(1), LocalRateLimitPolicy.Type.REQUESTS),
                new LocalRateLimitPolicy.Limit(
                    5000, 100, Duration.ofMinutes(1), LocalRateLimitPolicy.Type.TOKENS))),
        policies(
                """
                policies:
                  localRateLimit:
                  - {maxTokens: 10, tokensPerFill: 1, fillInterval: 1s}
                  - {maxTokens: 5000, tokensPerFill: 100, fillInterval: 1m, type: tokens}
                backends: [{host: "a:1"}]
                """)
            .localRateLimit());
  }

  @Test
  void badRateLimitsNameTheirField() {
    assertEquals(
        List.of(
            new ConfigError(
                P + "localRateLimit[0].maxTokens", "must be between 1 and 9223372036854775807"),
            new ConfigError(P + "localRateLimit[0].fillInterval", "\"fillInterval\" is required"),
            new ConfigError(P + "localRateLimit[1].type", "must be one of requests, tokens")),
        errors(
            """
            policies:
              localRateLimit:
              - {maxTokens: 0, tokensPerFill: 1}
              - {maxTokens: 1, tokensPerFill: 1, fillInterval: 1s, type: bytes}
            backends: [{host: "a:1"}]
            """));
    assertEquals(
        List.of(
            new ConfigError(
                P + "localRateLimit.conditional", "\"conditional\" is not supported yet")),
        errors(
            """
            policies:
              localRateLimit: {conditional: [{maxTokens: 1, tokensPerFill: 1, fillInterval: 1s}]}
            backends: [{host: "a:1"}]
            """));
  }

  @Test
  void absentPoliciesStayNull() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            policies: {timeout: {requestTimeout: 1s}}
            backends: [{host: "a:1"}]
            """);
    assertNull(p.ai());
    assertNull(p.localRateLimit());
  }
}
