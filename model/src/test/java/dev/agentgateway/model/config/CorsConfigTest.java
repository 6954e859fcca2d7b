package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.CorsPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code cors} route policy in upstream's shape. */
class CorsConfigTest {
  private static final String P = "binds[0].listeners[0].routes[0].policies.cors.";

  private static CorsPolicy cors(String body) throws ConfigException {
    return new LocalConfigLoader(Map.of())
        .parse(ConfigErrorsTest.route(body))
        .routes()
        .get(0)
        .policies()
        .cors();
  }

  @Test
  void readsEveryFieldWithMaxAgeAsADurationOrSeconds() throws ConfigException {
    String body =
        """
        policies:
          cors:
            allowCredentials: true
            allowOrigins: ["*", "https://*.example.com"]
            allowHeaders: [content-type, mcp-session-id]
            allowMethods: [GET, POST]
            exposeHeaders: [Mcp-Session-Id]
            maxAge: %s
        backends: [{host: "a:1"}]
        """;
    CorsPolicy expected =
        new CorsPolicy(
            true,
            List.of("content-type", "mcp-session-id"),
            List.of("GET", "POST"),
            List.of("*", "https://*.example.com"),
            List.of("Mcp-Session-Id"),
            Duration.ofMinutes(10));
    assertEquals(expected, cors(body.formatted("10m")));
    assertEquals(expected, cors(body.formatted("\"600\"")));
  }

  @Test
  void defaultsAreEmptyListsAndNoCredentials() throws ConfigException {
    assertEquals(
        new CorsPolicy(false, List.of(), List.of(), List.of("*"), List.of(), null),
        cors(
            """
            policies:
              cors: {allowOrigins: ["*"]}
            backends: [{host: "a:1"}]
            """));
  }

  @Test
  void badValuesAreReportedWithTheirPath() {
    assertEquals(
        List.of(
            new ConfigError(
                P + "allowCredntials",
                "unknown field \"allowCredntials\" (did you mean \"allowCredentials\"?)"),
            new ConfigError(
                P + "allowOrigins[0]",
                "must be *, or scheme://host[:port] where host may start with *.")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  cors: {allowOrigins: ["example.com/path"], allowCredntials: true}
                backends: [{host: "a:1"}]
                """)));
  }
}
