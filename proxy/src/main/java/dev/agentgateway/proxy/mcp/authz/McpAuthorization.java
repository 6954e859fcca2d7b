package dev.agentgateway.proxy.mcp.authz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelRuleSet;
import dev.agentgateway.proxy.policy.cel.CelRuleSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code mcpAuthorization} policies that apply to an MCP backend, compiled and merged. The MCP
 * server asks it twice: per item when it merges {@code tools/list}, {@code prompts/list}, {@code
 * resources/list} and {@code resources/templates/list} results ({@link #filter}), and before it
 * routes {@code tools/call}, {@code prompts/get} and {@code resources/read} ({@link #allows}, then
 * {@link #denied} as the answer). Immutable and thread-safe.
 */
public final class McpAuthorization {
  private static final McpAuthorization ALLOW_ALL = new McpAuthorization(CelRuleSets.none());

  private final CelRuleSets rules;

  private McpAuthorization(CelRuleSets rules) {
    this.rules = rules;
  }

  /** No policy: everything is allowed. */
  public static McpAuthorization allowAll() {
    return ALLOW_ALL;
  }

  /** The policy of one compiled rule set. */
  public static McpAuthorization of(CelRuleSet rules) {
    return new McpAuthorization(CelRuleSets.of(List.of(rules)));
  }

  /**
   * Compiles one {@code mcpAuthorization} policy as upstream writes it: {@code {rules: [...]}},
   * each rule a CEL string (allow) or {@code {allow|deny|require: <CEL>}}.
   *
   * @throws IllegalArgumentException naming the field ({@code rules[1].require: invalid CEL
   *     expression ...}) if the policy is malformed or a rule does not compile
   */
  public static McpAuthorization compile(Object policy, CelEngine engine) {
    Objects.requireNonNull(engine, "engine");
    if (!(policy instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "expected a map with 'rules' (got "
              + (policy == null ? "null" : "a " + typeOf(policy))
              + ")");
    }
    for (Object key : map.keySet()) {
      if (!"rules".equals(key)) {
        throw new IllegalArgumentException(key + ": unknown field; expected 'rules'");
      }
    }
    if (!(map.get("rules") instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "rules: "
              + (map.containsKey("rules") ? "expected a list of rules" : "required")
              + " (an empty list allows everything)");
    }
    return of(CelRuleSet.parse(list, engine));
  }

  /** This policy merged with {@code other} so that both apply, as upstream merges them. */
  public McpAuthorization merge(McpAuthorization other) {
    CelRuleSets merged = rules.merge(other.rules);
    return merged == rules ? this : merged == other.rules ? other : new McpAuthorization(merged);
  }

  /** The policies of {@code policies} (route, backend, target...) merged, in any order. */
  public static McpAuthorization merge(List<McpAuthorization> policies) {
    McpAuthorization merged = ALLOW_ALL;
    for (McpAuthorization policy : policies) {
      merged = merged.merge(policy);
    }
    return merged;
  }

  /** Whether there are rules at all; without any, every resource is allowed. */
  public boolean hasRules() {
    return rules.hasRules();
  }

  /**
   * Whether {@code resource} may be listed or called by the request {@code request} describes (its
   * JWT claims, headers, source...); {@code request}'s {@code mcp} variable is replaced.
   */
  public boolean allows(McpResource resource, CelActivation request) {
    if (!rules.hasRules()) {
      return true;
    }
    return rules.allows(request.with("mcp", resource.toCel()));
  }

  /**
   * The items of a list result that {@code request} may see, in order; {@code resourceOf} names
   * each item's resource. Returns {@code items} itself when there are no rules.
   */
  public <T> List<T> filter(
      List<T> items, Function<? super T, McpResource> resourceOf, CelActivation request) {
    if (!rules.hasRules()) {
      return items;
    }
    List<T> allowed = new ArrayList<>(items.size());
    for (T item : items) {
      if (allows(resourceOf.apply(item), request)) {
        allowed.add(item);
      }
    }
    return allowed;
  }

  /**
   * The answer to a refused call, upstream's: {@code -32602} (invalid params) with {@code Unknown
   * tool: <name>}, so a client cannot tell a denied tool from a missing one.
   *
   * @param id the request's id
   * @param kind what was called
   * @param requestedName the name (or URI) as the client sent it, gateway prefix included
   */
  public static JsonRpcMessage.ErrorResponse denied(
      JsonNode id, McpResource.Kind kind, String requestedName) {
    return JsonRpcMessage.ErrorResponse.of(
        id, JsonRpcErrors.INVALID_PARAMS, "Unknown " + kind.key() + ": " + requestedName);
  }

  private static String typeOf(Object value) {
    return value instanceof List<?> ? "list" : value.getClass().getSimpleName();
  }
}
