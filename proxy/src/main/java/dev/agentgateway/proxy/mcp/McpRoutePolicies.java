package dev.agentgateway.proxy.mcp;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.mcp.authz.McpAuthorization;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelRule;
import dev.agentgateway.proxy.policy.cel.CelRuleSet;
import dev.agentgateway.proxy.policy.jwt.JwksSettings;
import dev.agentgateway.proxy.policy.jwt.JwksSource;
import dev.agentgateway.proxy.policy.jwt.JwtAuthConfig;
import dev.agentgateway.proxy.policy.jwt.JwtAuthenticator;
import dev.agentgateway.proxy.policy.jwt.JwtMode;
import dev.agentgateway.proxy.policy.jwt.JwtProviderConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A route's {@code jwtAuth} and {@code mcpAuthorization}, compiled for the MCP endpoint; or why
 * they cannot be (a CEL expression that does not compile, a key set that does not parse), which the
 * endpoint answers with 500 rather than serving unprotected.
 *
 * @param jwt validates bearer tokens, or null when the route has no jwtAuth
 * @param authorization the rules, or null when the route has none
 * @param problem why compiling failed, or null
 */
record McpRoutePolicies(JwtAuthenticator jwt, McpAuthorization authorization, String problem) {
  static final McpRoutePolicies NONE = new McpRoutePolicies(null, null, null);

  static McpRoutePolicies compile(
      RoutePolicies policies, CelEngines cel, HttpClient http, Clock clock) {
    if (policies == null || (policies.jwtAuth() == null && policies.mcpAuthorization() == null)) {
      return NONE;
    }
    try {
      return new McpRoutePolicies(
          policies.jwtAuth() == null ? null : jwt(policies.jwtAuth(), http, clock),
          policies.mcpAuthorization() == null
              ? null
              : authorization(policies.mcpAuthorization(), cel.get()),
          null);
    } catch (ConfigException e) {
      return new McpRoutePolicies(null, null, "jwtAuth." + e.getMessage());
    } catch (IllegalArgumentException e) {
      return new McpRoutePolicies(null, null, e.getMessage());
    }
  }

  private static JwtAuthenticator jwt(JwtAuthPolicy policy, HttpClient http, Clock clock)
      throws ConfigException {
    List<JwtProviderConfig> providers = new ArrayList<>();
    for (JwtAuthPolicy.Provider p : policy.providers()) {
      JwksSource source =
          switch (p.jwks()) {
            case JwtAuthPolicy.Jwks.Inline i -> new JwksSource.Inline(i.json());
            case JwtAuthPolicy.Jwks.File f -> new JwksSource.File(Path.of(f.path()));
            case JwtAuthPolicy.Jwks.Remote r -> new JwksSource.Remote(URI.create(r.url()));
          };
      providers.add(JwtProviderConfig.create(p.issuer(), p.audiences(), source));
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

  /** The process's CEL engine, built on first use: building one costs a few hundred ms. */
  static final class CelEngines {
    private volatile CelEngine engine;

    CelEngine get() {
      CelEngine e = engine;
      if (e == null) {
        synchronized (this) {
          e = engine;
          if (e == null) {
            e = CelEngine.create();
            engine = e;
          }
        }
      }
      return e;
    }
  }
}
