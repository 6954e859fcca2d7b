package dev.agentgateway.proxy.llm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.guard.BodyEdits;
import dev.agentgateway.proxy.llm.guard.GuardResult;
import dev.agentgateway.proxy.llm.guard.HeaderEdits;
import dev.agentgateway.proxy.llm.guard.PromptEnrichment;
import dev.agentgateway.proxy.llm.guard.PromptGuards;
import dev.agentgateway.proxy.llm.guard.StreamingResponseGuard;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitGate;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One route's {@code ai} and {@code localRateLimit} policies, compiled once per config: immutable,
 * shared by every request of the route. Per request the LLM gateway calls {@link #beforeRequest},
 * then {@link #rateLimit()} around the provider call, then {@link #afterResponse} (whole bodies) or
 * {@link #streamGuard()} (streams).
 */
public final class LlmRoutePolicies {
  /** No policies: every step passes. */
  public static final LlmRoutePolicies NONE =
      new LlmRoutePolicies(null, null, null, null, Map.of(), null);

  private static final Map<String, String> NO_WEBHOOK_HEADERS = Map.of();

  private final BodyEdits edits;
  private final PromptEnrichment prompts;
  private final PromptGuards guards;
  private final RateLimitGate rateLimit;
  private final Map<String, String> routes;
  private final String problem;

  private LlmRoutePolicies(
      BodyEdits edits,
      PromptEnrichment prompts,
      PromptGuards guards,
      RateLimitGate rateLimit,
      Map<String, String> routes,
      String problem) {
    this.edits = edits;
    this.prompts = prompts;
    this.guards = guards;
    this.rateLimit = rateLimit;
    this.routes = routes;
    this.problem = problem;
  }

  /**
   * Compiles route {@code routeKey}'s policies ({@code null} means none). Webhook guards call out
   * through {@code http}; rate-limit buckets live in {@code limiters} under the route's key. A
   * policy that cannot compile (the loader and xDS decoder check what they can) makes every request
   * of the route refused with 500 and the reason.
   */
  public static LlmRoutePolicies compile(
      String routeKey, RoutePolicies policies, HttpClient http, RateLimiters limiters) {
    if (policies == null || policies.ai() == null && policies.localRateLimit() == null) {
      return NONE;
    }
    RateLimitGate gate = RateLimitGate.compile(routeKey, policies.localRateLimit(), limiters);
    AiPolicy ai = policies.ai();
    if (ai == null) {
      return new LlmRoutePolicies(null, null, null, gate, Map.of(), null);
    }
    try {
      BodyEdits edits =
          ai.defaults().isEmpty() && ai.overrides().isEmpty() && ai.modelAliases().isEmpty()
              ? null
              : new BodyEdits(
                  JsonValues.parse(ai.defaults()),
                  JsonValues.parse(ai.overrides()),
                  ai.modelAliases());
      PromptEnrichment prompts = ai.prompts() == null ? null : GuardConfigs.prompts(ai.prompts());
      PromptGuards guards =
          ai.promptGuard() == null
              ? null
              : PromptGuards.compile(GuardConfigs.promptGuard(ai.promptGuard()), http);
      return new LlmRoutePolicies(edits, prompts, guards, gate, ai.routes(), null);
    } catch (IllegalArgumentException e) {
      return new LlmRoutePolicies(null, null, null, gate, Map.of(), e.getMessage());
    }
  }

  /** Why the policies could not compile, or {@code null}. */
  public String problem() {
    return problem;
  }

  /**
   * The request steps, in upstream's order: model alias, then defaults and overrides, then prompt
   * enrichment, then the request guards (which may mask {@code body} in place or refuse it).
   * Webhook guards block the calling (virtual) thread for their HTTP call.
   */
  public PolicyOutcome beforeRequest(ObjectNode body, ClientFormat format) {
    if (problem != null) {
      return invalid();
    }
    boolean modified = edits != null && edits.apply(body);
    if (prompts != null) {
      modified |= prompts.apply(body, format);
    }
    if (guards == null) {
      return new PolicyOutcome.Proceed(modified);
    }
    return switch (guards.checkRequest(body, format, NO_WEBHOOK_HEADERS)) {
      case GuardResult.Allowed a -> new PolicyOutcome.Proceed(modified || a.modified());
      case GuardResult.Rejected r -> PolicyOutcome.Reject.of(r.rejection());
    };
  }

  /**
   * The response guards over a whole (non-streamed) response body in the client's format, masking
   * it in place or refusing it.
   */
  public PolicyOutcome afterResponse(ObjectNode body, ClientFormat format) {
    if (problem != null) {
      return invalid();
    }
    if (guards == null || !guards.hasResponseGuards()) {
      return new PolicyOutcome.Proceed(false);
    }
    return switch (guards.checkResponse(body, format, NO_WEBHOOK_HEADERS)) {
      case GuardResult.Allowed a -> new PolicyOutcome.Proceed(a.modified());
      case GuardResult.Rejected r -> PolicyOutcome.Reject.of(r.rejection());
    };
  }

  /**
   * A fresh guard for one streamed response's text deltas, or {@code null} when none applies
   * ({@code streaming} not enabled, or no regex response guard). Not thread-safe: one per stream.
   */
  public StreamingResponseGuard streamGuard() {
    return guards == null ? null : guards.newResponseStream();
  }

  /** The route's {@code localRateLimit} gate, or {@code null} when it has none. */
  public RateLimitGate rateLimit() {
    return rateLimit;
  }

  /**
   * The upstream route type name ({@code completions}, {@code messages}, {@code passthrough}, ...)
   * configured in {@code ai.routes} for {@code path}, or {@code null}: the longest key that {@code
   * path} ends with wins.
   */
  public String routeType(String path) {
    String best = null;
    for (String suffix : routes.keySet()) {
      if (path.endsWith(suffix) && (best == null || suffix.length() > best.length())) {
        best = suffix;
      }
    }
    return best == null ? null : routes.get(best);
  }

  private PolicyOutcome invalid() {
    return new PolicyOutcome.Reject(500, "invalid ai policy: " + problem, HeaderEdits.NONE);
  }

  /** Parses the IR's JSON-text field values. */
  private static final class JsonValues {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper();

    static Map<String, JsonNode> parse(Map<String, String> texts) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : texts.entrySet()) {
        try {
          out.put(e.getKey(), MAPPER.readTree(e.getValue()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
          throw new IllegalArgumentException(e.getKey() + ": not JSON", ex);
        }
      }
      return out;
    }
  }
}
