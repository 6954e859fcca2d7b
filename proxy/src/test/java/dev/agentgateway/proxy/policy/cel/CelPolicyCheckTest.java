package dev.agentgateway.proxy.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.testing.ShellTesting;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelPolicyCheckTest {
  private final CelPolicyCheck check = new CelPolicyCheck(new LazyCelEngine());

  private static GatewayConfig withRules(String... rules) {
    StringBuilder yaml =
        new StringBuilder(
            "binds:\n- port: 3000\n  listeners:\n  - protocol: HTTP\n    routes:\n    - name: mcp\n"
                + "      backends: [{host: '127.0.0.1:1'}]\n"
                + "      policies:\n        mcpAuthorization:\n          rules:\n");
    for (String rule : rules) {
      yaml.append("          - '").append(rule.replace("'", "''")).append("'\n");
    }
    return ShellTesting.parse(yaml.toString());
  }

  @Test
  void everyRuleThatDoesNotCompileIsNamedByRouteAndIndex() {
    GatewayConfig config = withRules("mcp.tool.name == \"echo\"", "mcp.tool.name ==", "1 + 2");
    List<ConfigError> errors = check.check(config);
    assertEquals(2, errors.size(), errors.toString());
    String route = config.routes().get(0).key();
    assertEquals(
        "route " + route + ": policies.mcpAuthorization.rules[1].allow", errors.get(0).path());
    assertEquals(
        "route " + route + ": policies.mcpAuthorization.rules[2].allow", errors.get(1).path());
    assertTrue(errors.get(1).message().contains("bool"), errors.get(1).message());
  }

  @Test
  void aConfigWhoseRulesCompilePasses() {
    assertEquals(List.of(), check.check(withRules("jwt.sub == \"alice\"", "has(jwt.groups)")));
  }

  @Test
  void anXdsRouteIsRefusedWithTheFieldThatFailed() {
    Route bad = withRules("mcp.tool.name ==").routes().get(0);
    assertTrue(
        check.problem(bad).startsWith("policies.mcpAuthorization.rules[0].allow: "),
        check.problem(bad));
    assertNull(check.problem(new Bind("b", 8080)));
    RoutePolicies denyOnly =
        RoutePolicies.builder()
            .mcpAuthorization(
                new McpAuthorizationPolicy(
                    List.of(
                        new McpAuthorizationPolicy.Rule(
                            McpAuthorizationPolicy.Kind.DENY, "jwt.sub == "))))
            .build();
    assertTrue(
        check
            .problem(withPolicies(bad, denyOnly))
            .startsWith("policies.mcpAuthorization.rules[0].deny"));
  }

  private static Route withPolicies(Route r, RoutePolicies p) {
    return new Route(
        r.key(),
        r.listenerKey(),
        r.name(),
        r.namespace(),
        r.ruleName(),
        r.hostnames(),
        r.matches(),
        p,
        r.backends(),
        r.order());
  }

  @Test
  void httpAuthorizationRulesAreCheckedAtLoadToo() {
    GatewayConfig config =
        ShellTesting.parse(
            """
            binds:
            - port: 3000
              listeners:
              - protocol: HTTP
                routes:
                - name: api
                  backends: [{host: '127.0.0.1:1'}]
                  policies:
                    authorization:
                      rules:
                      - 'request.method == "GET"'
                      - deny: 'apiKey.group =='
            """);
    List<ConfigError> errors = check.check(config);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(
        "route " + config.routes().get(0).key() + ": policies.authorization.rules[1].deny",
        errors.get(0).path());
  }
}
