package dev.agentgateway.model.ir;

import java.util.List;

/**
 * {@code authorization}: CEL rules over the HTTP request ({@code request.*}) and the caller ({@code
 * jwt.*}, {@code apiKey.*}, {@code basicAuth.*}); the proxy answers 403 when they refuse. Rules
 * have the shape of {@link McpAuthorizationPolicy}'s.
 *
 * @param rules the rules in order, at least one
 */
public record AuthorizationPolicy(List<McpAuthorizationPolicy.Rule> rules) {
  public AuthorizationPolicy {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("authorization needs at least one rule");
    }
  }
}
