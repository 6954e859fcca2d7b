package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A host backend's {@code backendAuth}, {@code tcp}, {@code http} and {@code health} policies. */
class BackendPolicyConfigTest {
  private static final String B = "binds[0].listeners[0].routes[0].backends[0].policies.";

  private static RoutePolicies policies(String body) throws ConfigException {
    return new LocalConfigLoader(Map.of("KEY", "sk-1"))
        .parse(ConfigErrorsTest.route(body))
        .routes()
        .get(0)
        .policies();
  }

  @Test
  void readsEveryBackendPolicyOfAHostBackendIntoTheRoutePolicies() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            backends:
            - host: 127.0.0.1:8080
              policies:
                backendAuth: {key: {value: $KEY, location: {header: {name: x-api-key}}}}
                tcp:
                  connectTimeout: 250ms
                  keepalives: {time: 30s, interval: 5s, retries: 4}
                http: {version: HTTP2, requestTimeout: 2s}
                health:
                  unhealthyExpression: response.code >= 500
                  eviction:
                    duration: 10s
                    consecutiveFailures: 3
                    healthThreshold: 0.5
                    restoreHealth: 0.8
            """);
    assertEquals(
        new BackendAuth.Key(new Secret("sk-1"), new BackendAuth.Location.Header("x-api-key", null)),
        p.backendAuth());
    assertEquals(
        new BackendTcpPolicy(
            Duration.ofMillis(250),
            new BackendTcpPolicy.Keepalive(true, Duration.ofSeconds(30), Duration.ofSeconds(5), 4)),
        p.backendTcp());
    assertEquals(
        new BackendHttpPolicy(BackendHttpPolicy.Version.HTTP2, Duration.ofSeconds(2)),
        p.backendHttp());
    assertEquals(
        new HealthPolicy(
            "response.code >= 500", new HealthPolicy.Eviction(Duration.ofSeconds(10), 3, 0.5, 0.8)),
        p.health());
  }

  @Test
  void routeBackendAuthReachesHostBackendsAndTheBackendsOwnWins() throws ConfigException {
    RoutePolicies route =
        policies(
            """
            policies: {backendAuth: {passthrough: {}}}
            backends: [{host: "a:1"}, {host: "b:2"}]
            """);
    assertEquals(new BackendAuth.Passthrough(), route.backendAuth());
    RoutePolicies own =
        policies(
            """
            policies: {backendAuth: {passthrough: {}}}
            backends: [{host: "a:1", policies: {backendAuth: {key: k}}}]
            """);
    assertEquals(new BackendAuth.Key(new Secret("k")), own.backendAuth());
  }

  @Test
  void evictionDefaultsToThreeSecondsAndNoThresholds() throws ConfigException {
    HealthPolicy health =
        policies(
                """
                backends: [{host: "a:1", policies: {health: {eviction: {}}}}]
                """)
            .health();
    assertNull(health.unhealthyCondition());
    assertEquals(
        new HealthPolicy.Eviction(Duration.ofSeconds(3), null, null, null), health.eviction());
  }

  @Test
  void badValuesAreReportedWithTheirPath() {
    assertEquals(
        List.of(
            B + "tcp.connectTimeout",
            B + "tcp.keepalives.time",
            B + "http.version",
            B + "health.eviction.healthThreshold"),
        ConfigErrorsTest.errors(
                ConfigErrorsTest.route(
                    """
                    backends:
                    - host: "a:1"
                      policies:
                        tcp: {connectTimeout: 0s, keepalives: {time: 10ms}}
                        http: {version: HTTP3}
                        health: {eviction: {healthThreshold: 50}}
                    """))
            .stream()
            .map(ConfigError::path)
            .toList());
  }

  @Test
  void perBackendPoliciesAmongSeveralBackendsAndAwsOnHostsAreRefused() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                backends:
                - host: "a:1"
                  policies: {http: {version: HTTP1}}
                - host: "b:1"
                  policies: {backendAuth: {aws: {}}}
                """));
    assertEquals(
        List.of(
            "binds[0].listeners[0].routes[0].backends[0].policies",
            "binds[0].listeners[0].routes[0].backends[1].policies.backendAuth"),
        errors.stream().map(ConfigError::path).toList(),
        errors.toString());
  }
}
