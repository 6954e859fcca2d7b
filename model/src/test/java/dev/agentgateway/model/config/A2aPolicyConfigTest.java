package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RouteBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code policies: {a2a: {}}} on a route or a backend makes its plain backends A2A backends. */
class A2aPolicyConfigTest {
  private static final String R = "binds[0].listeners[0].routes[0].";

  private static List<RouteBackend> backends(String routeBody) throws ConfigException {
    return new LocalConfigLoader(Map.of())
        .parse(ConfigErrorsTest.route(routeBody))
        .routes()
        .get(0)
        .backends();
  }

  @Test
  void routeA2aPolicyWrapsEveryBackendKeepingWeights() throws ConfigException {
    assertEquals(
        List.of(
            new RouteBackend(new Backend.A2a(new Backend.Host("agent-a", 9999)), 3),
            new RouteBackend(new Backend.A2a(new Backend.Host("agent-b", 80)), 1)),
        backends(
            """
            policies: {a2a: {}}
            backends:
            - {host: "agent-a:9999", weight: 3}
            - {host: "http://agent-b"}
            """));
  }

  @Test
  void backendA2aPolicyWrapsOnlyThatBackend() throws ConfigException {
    assertEquals(
        List.of(
            new RouteBackend(new Backend.Host("web", 8080), 1),
            new RouteBackend(new Backend.A2a(new Backend.Host("agent", 9999)), 1)),
        backends(
            """
            backends:
            - host: "web:8080"
            - host: "agent:9999"
              policies: {a2a: {}}
            """));
  }

  @Test
  void a2aOnBothLevelsWrapsOnce() throws ConfigException {
    assertEquals(
        List.of(new RouteBackend(new Backend.A2a(new Backend.Host("agent", 9999)), 1)),
        backends(
            """
            policies: {a2a: {}}
            backends: [{host: "agent:9999", policies: {a2a: {}}}]
            """));
  }

  @Test
  void a2aOnAnMcpBackendIsAnErrorAtThePolicy() {
    String mcp = "{mcp: {targets: [{name: t, stdio: {cmd: s}}]}";
    assertEquals(
        List.of(
            new ConfigError(
                R + "policies.a2a",
                "a2a applies only to host and service backends, and "
                    + R
                    + "backends[1] is an mcp backend")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                "policies: {a2a: {}}\nbackends: [{host: \"a:1\"}, " + mcp + "}]")));
    assertEquals(
        List.of(
            new ConfigError(
                R + "backends[0].policies.a2a",
                "a2a applies only to host and service backends, and "
                    + R
                    + "backends[0] is an mcp backend")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                "backends: [{mcp: {targets: [{name: t, stdio: {cmd: s}}]}, policies: {a2a: {}}}]")));
  }

  @Test
  void a2aPolicyProblemsNameTheirField() {
    assertEquals(
        List.of(
            new ConfigError(R + "policies.a2a.enabled", "unknown field \"enabled\""),
            new ConfigError(R + "policies.a2a", "expected a mapping, got a boolean"),
            new ConfigError(
                R + "backends[0].policies.backendTLS", "\"backendTLS\" is not supported yet"),
            new ConfigError(
                R + "backends[0].policies.a2A", "unknown field \"a2A\" (did you mean \"a2a\"?)")),
        List.of(
                ConfigErrorsTest.errors(
                    ConfigErrorsTest.route(
                        "policies: {a2a: {enabled: true}}\nbackends: [{host: \"a:1\"}]")),
                ConfigErrorsTest.errors(
                    ConfigErrorsTest.route("policies: {a2a: true}\nbackends: [{host: \"a:1\"}]")),
                ConfigErrorsTest.errors(
                    ConfigErrorsTest.route(
                        "backends: [{host: \"a:1\", policies: {backendTLS: {}, a2A: {}}}]")))
            .stream()
            .flatMap(List::stream)
            .toList());
  }
}
