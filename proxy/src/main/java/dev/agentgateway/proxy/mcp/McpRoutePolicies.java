package dev.agentgateway.proxy.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.McpAuthenticationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.mcp.auth.McpAuthentication;
import dev.agentgateway.proxy.mcp.auth.McpAuthenticationConfig;
import dev.agentgateway.proxy.mcp.authz.McpAuthorization;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelRule;
import dev.agentgateway.proxy.policy.cel.CelRuleSet;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.jwt.JwksSettings;
import dev.agentgateway.proxy.policy.jwt.JwtCompiler;
import dev.agentgateway.proxy.policy.jwt.JwtMode;
import dev.agentgateway.proxy.policy.jwt.JwtValidationOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A route's {@code mcpAuthentication} and {@code mcpAuthorization}, compiled for the MCP endpoint
 * ({@code jwtAuth} runs earlier, in the route phase, for every kind of route); or why they cannot
 * be (a key set that does not parse; a CEL expression that does not compile, which the config check
 * refuses at load), answered with 500 rather than serving unprotected.
 *
 * @param authentication the OAuth resource-server challenge and metadata, or null
 * @param authorization the rules, or null when the route has none
 * @param problem why compiling failed, or null
 */
record McpRoutePolicies(
    McpAuthentication authentication, McpAuthorization authorization, String problem) {
  static final McpRoutePolicies NONE = new McpRoutePolicies(null, null, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  static boolean none(RoutePolicies policies) {
    return policies == null
        || (policies.mcpAuthorization() == null && policies.mcpAuthentication() == null);
  }

  static McpRoutePolicies compile(
      RoutePolicies policies, LazyCelEngine cel, HttpClient http, Clock clock) {
    if (none(policies)) {
      return NONE;
    }
    String at = "mcpAuthentication.";
    try {
      McpAuthentication authn =
          policies.mcpAuthentication() == null
              ? null
              : authentication(policies.mcpAuthentication(), http, clock);
      return new McpRoutePolicies(
          authn,
          policies.mcpAuthorization() == null
              ? null
              : authorization(policies.mcpAuthorization(), cel.get()),
          null);
    } catch (ConfigException e) {
      return new McpRoutePolicies(null, null, at + e.getMessage());
    } catch (IllegalArgumentException e) {
      return new McpRoutePolicies(null, null, e.getMessage());
    }
  }

  private static McpAuthentication authentication(
      McpAuthenticationPolicy policy, HttpClient http, Clock clock) throws ConfigException {
    Map<String, Object> metadata;
    try {
      metadata = JSON.readValue(policy.resourceMetadataJson(), new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "mcpAuthentication.resourceMetadata: not a JSON object: " + e.getOriginalMessage());
    }
    McpAuthenticationConfig config =
        new McpAuthenticationConfig(
            policy.issuer(),
            policy.audiences(),
            JwtCompiler.jwks(policy.jwks()),
            JwtMode.valueOf(policy.mode().name()),
            policy.requiredClaims() == null
                ? null
                : new JwtValidationOptions(Set.copyOf(policy.requiredClaims())),
            metadata);
    return McpAuthentication.create(config, "", http, JwksSettings.DEFAULT, clock);
  }

  private static McpAuthorization authorization(McpAuthorizationPolicy policy, CelEngine engine) {
    List<CelRule> rules = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      McpAuthorizationPolicy.Rule r = policy.rules().get(i);
      try {
        rules.add(
            new CelRule(
                CelRule.Mode.valueOf(r.kind().name()), engine.compilePredicate(r.expression())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "mcpAuthorization.rules["
                + i
                + "]."
                + r.kind().name().toLowerCase(Locale.ROOT)
                + ": "
                + e.getMessage());
      }
    }
    return McpAuthorization.of(CelRuleSet.of(rules));
  }
}
