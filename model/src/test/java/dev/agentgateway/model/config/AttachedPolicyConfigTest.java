package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.PolicyTarget.Kind;
import dev.agentgateway.model.ir.TimeoutPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level {@code policies:} list with targets. */
class AttachedPolicyConfigTest {
  private static final String BINDS =
      """
      binds:
      - port: 3000
        listeners:
        - name: main
          routes:
          - name: api
            namespace: team
            ruleName: read
            backends: [{host: "a:1"}]
      """;

  private static List<Policy> policies(String policies) throws ConfigException {
    return new LocalConfigLoader(Map.of()).parse(BINDS + policies).policies();
  }

  private static List<ConfigError> errors(String policies) {
    return assertThrows(
            ConfigException.class, () -> new LocalConfigLoader(Map.of()).parse(BINDS + policies))
        .errors();
  }

  @Test
  void resolvesGatewayListenerRouteAndRuleTargets() throws ConfigException {
    List<Policy> read =
        policies(
            """
            policies:
            - name: everywhere
              target: {gateway: {gatewayName: default}}
              policy: {timeout: {requestTimeout: 5s}}
            - name: {name: main-only, namespace: ops}
              target: {gateway: {gatewayName: default, listenerName: main}}
              policy: {timeout: {requestTimeout: 4s}}
            - target: {route: {name: api, namespace: team}}
              policy: {timeout: {requestTimeout: 3s}}
            - name: rule
              target: {route: {name: api, namespace: team, ruleName: read}}
              phase: route
              policy: {timeout: {requestTimeout: 2s}}
            """);
    assertEquals(
        List.of(
            new PolicyTarget(Kind.GATEWAY, "", null),
            new PolicyTarget(Kind.LISTENER, "bind/3000/main", null),
            new PolicyTarget(Kind.ROUTE, "team/api", null),
            new PolicyTarget(Kind.ROUTE, "team/api", "read")),
        read.stream().map(Policy::target).toList());
    assertEquals(
        List.of("policy/everywhere", "policy/ops/main-only", "policy/policy2", "policy/rule"),
        read.stream().map(Policy::key).toList());
    assertEquals(new TimeoutPolicy(Duration.ofSeconds(2), null), read.get(3).policy().timeout());
  }

  @Test
  void targetsThatNameNothingAreErrors() {
    assertEquals(
        List.of(
            new ConfigError(
                "policies[0].target.gateway.listenerName", "no listener is named \"other\""),
            new ConfigError("policies[1].target.route.name", "no route is named \"api\""),
            new ConfigError(
                "policies[2].target.route.ruleName", "route \"api\" has no rule named \"write\""),
            new ConfigError("policies[3].target", "set exactly one of gateway or route")),
        errors(
            """
            policies:
            - target: {gateway: {listenerName: other}}
              policy: {timeout: {requestTimeout: 5s}}
            - target: {route: {name: api}}
              policy: {timeout: {requestTimeout: 5s}}
            - target: {route: {name: api, namespace: team, ruleName: write}}
              policy: {timeout: {requestTimeout: 5s}}
            - target: {}
              policy: {timeout: {requestTimeout: 5s}}
            """));
  }

  @Test
  void unsupportedPartsAreNamed() {
    List<ConfigError> errors =
        errors(
            """
            policies:
            - name: a
              target: {backend: {service: {hostname: x, namespace: y, port: 80}}}
              policy: {timeout: {requestTimeout: 5s}}
            - name: b
              target: {gateway: {}}
              phase: gateway
              policy: {backendAuth: {passthrough: {}}}
            - name: a
              target: {gateway: {}}
              policy: {timeout: {requestTimeout: 5s}}
            """);
    assertEquals(
        List.of("policies[0].target.backend", "policies[1].policy.backendAuth", "policies[2].name"),
        errors.stream().map(ConfigError::path).toList(),
        errors.toString());
  }

  @Test
  void gatewayPhasePoliciesTargetAGatewayOrListener() throws ConfigException {
    List<Policy> read =
        policies(
            """
            policies:
            - name: early
              target: {gateway: {gatewayName: default, listenerName: main}}
              phase: gateway
              policy:
                cors: {allowOrigins: ["*"]}
                localRateLimit: [{maxTokens: 1, tokensPerFill: 1, fillInterval: 1s}]
            """);
    assertEquals(Policy.Phase.GATEWAY, read.get(0).phase());
    assertEquals(new PolicyTarget(Kind.LISTENER, "bind/3000/main", null), read.get(0).target());
    assertEquals(List.of("*"), read.get(0).policy().cors().allowOrigins());
  }

  @Test
  void gatewayPhaseRefusesRouteTargetsAndFieldsItDoesNotRun() {
    assertEquals(
        List.of(
            new ConfigError(
                "policies[0].phase",
                "phase \"gateway\" runs before route selection: target a gateway, not a route"),
            new ConfigError(
                "policies[1].policy.requestHeaderModifier",
                "is not supported yet in phase \"gateway\""),
            new ConfigError(
                "policies[1].policy.timeout", "is not supported yet in phase \"gateway\"")),
        errors(
            """
            policies:
            - target: {route: {name: api, namespace: team}}
              phase: gateway
              policy: {cors: {allowOrigins: ["*"]}}
            - target: {gateway: {}}
              phase: gateway
              policy:
                timeout: {requestTimeout: 5s}
                requestHeaderModifier: {set: {x: y}}
            """));
  }
}
