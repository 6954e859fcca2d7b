package dev.agentgateway.proxy.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.JwtAuthPolicy;
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
import dev.agentgateway.proxy.policy.jwt.JwksSource;
import dev.agentgateway.proxy.policy.jwt.JwtAuthConfig;
import dev.agentgateway.proxy.policy.jwt.JwtAuthenticator;
import dev.agentgateway.proxy.policy.jwt.JwtMode;
import dev.agentgateway.proxy.policy.jwt.JwtProviderConfig;
import dev.agentgateway.proxy.policy.jwt.JwtValidationOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A route's {@code jwtAuth}, {@code mcpAuthentication} and {@code mcpAuthorization}, compiled for
 * the MCP endpoint; or why they cannot be (a key set that does not parse; a CEL expression that
 * does not compile, which the config check refuses at load), answered with 500 rather than serving
 * unprotected.
 *
 * @param jwt validates bearer tokens, or null when the route has no jwtAuth
 * @param authentication the OAuth resource-server challenge and metadata, or null
 * @param authorization the rules, or null when the route has none
 * @param problem why compiling failed, or null
 */
record McpRoutePolicies(
    JwtAuthenticator jwt,
    McpAuthentication authentication,
    McpAuthorization authorization,
    String problem) {
  static final McpRoutePolicies NONE = new McpRoutePolicies(null, null, null, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  static boolean none(RoutePolicies policies) {
    return policies == null
        || (policies.jwtAuth() == null
            && policies.mcpAuthorization() == null
            && policies.mcpAuthentication() == null);
  }

  static McpRoutePolicies compile(
      RoutePolicies policies, LazyCelEngine cel, HttpClient http, Clock clock) {
    if (none(policies)) {
      return NONE;
    }
    String at = "jwtAuth.";
    try {
      JwtAuthenticator jwt =
          policies.jwtAuth() == null ? null : jwt(policies.jwtAuth(), http, clock);
      at = "mcpAuthentication.";
      McpAuthentication authn =
          policies.mcpAuthentication() == null
              ? null
              : authentication(policies.mcpAuthentication(), http, clock);
      return new McpRoutePolicies(
          jwt,
          authn,
          policies.mcpAuthorization() == null
              ? null
              : authorization(policies.mcpAuthorization(), cel.get()),
          null);
    } catch (ConfigException e) {
      return new McpRoutePolicies(null, null, null, at + e.getMessage());
    } catch (IllegalArgumentException e) {
      return new McpRoutePolicies(null, null, null, e.getMessage());
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
            jwks(policy.jwks()),
            JwtMode.valueOf(policy.mode().name()),
            policy.requiredClaims() == null
                ? null
                : new JwtValidationOptions(Set.copyOf(policy.requiredClaims())),
            metadata);
    return McpAuthentication.create(config, "", http, JwksSettings.DEFAULT, clock);
  }

  private static JwksSource jwks(JwtAuthPolicy.Jwks jwks) {
    return switch (jwks) {
      case JwtAuthPolicy.Jwks.Inline i -> new JwksSource.Inline(i.json());
      case JwtAuthPolicy.Jwks.File f -> new JwksSource.File(Path.of(f.path()));
      case JwtAuthPolicy.Jwks.Remote r -> new JwksSource.Remote(URI.create(r.url()));
    };
  }

  private static JwtAuthenticator jwt(JwtAuthPolicy policy, HttpClient http, Clock clock)
      throws ConfigException {
    List<JwtProviderConfig> providers = new ArrayList<>();
    for (JwtAuthPolicy.Provider p : policy.providers()) {
      providers.add(JwtProviderConfig.create(p.issuer(), p.audiences(), jwks(p.jwks())));
    }
    return JwtAuthenticator.create(
        new JwtAuthConfig(JwtMode.valueOf(policy.mode().name()), providers),
        http,
        JwksSettings.DEFAULT,
        clock);
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
