package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * {@code mcpAuthorization}: CEL rules over the MCP call ({@code mcp.tool.name}, ...) and the caller
 * ({@code jwt.*}, {@code request.*}); the proxy compiles them and filters lists and refuses calls.
 *
 * @param rules the rules in order, at least one
 */
public record McpAuthorizationPolicy(List<Rule> rules) {
  public McpAuthorizationPolicy {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("mcpAuthorization needs at least one rule");
    }
  }

  /** What a matching rule does: allow (a bare expression), deny, or require. */
  public enum Kind {
    ALLOW,
    DENY,
    REQUIRE
  }

  /** One rule: its kind and CEL expression. */
  public record Rule(Kind kind, String expression) {
    public Rule {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(expression, "expression");
      if (expression.isBlank()) {
        throw new IllegalArgumentException("a rule's expression is blank");
      }
    }
  }
}
