package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.StaticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private static final String SECRET = "s3cr3t-t0ken-value";

  private static GatewayConfig load(String text, Map<String, String> env) throws ConfigException {
    return new LocalConfigLoader(env).parse(text);
  }

  @Test
  void variablesExpandInStringsAndNumbers() throws ConfigException {
    GatewayConfig c =
        load(
            """
            binds:
            - port: $PORT
              listeners:
              - routes:
                - policies:
                    requestHeaderModifier:
                      set: {authorization: "Bearer ${TOKEN}", x-price: "$$5 at ${HOST}$$"}
                  backends:
                  - host: ${HOST}:$BACKEND_PORT
                    weight: ${WEIGHT}
            """,
            Map.of(
                "PORT", "3000",
                "TOKEN", SECRET,
                "HOST", "upstream.local",
                "BACKEND_PORT", "8080",
                "WEIGHT", "7"));
    assertEquals(3000, c.binds().get(0).port());
    assertEquals(
        List.of(
            new HeaderValue("authorization", "Bearer " + SECRET),
            new HeaderValue("x-price", "$5 at upstream.local$")),
        c.routes().get(0).policies().requestHeaderModifier().set());
    assertEquals(
        List.of(new RouteBackend(new Backend.Host("upstream.local", 8080), 7)),
        c.routes().get(0).backends());
  }

  @Test
  void dollarNotFollowedByANameStaysLiteral() throws ConfigException {
    GatewayConfig c =
        load(
            "binds:\n- port: 1\n  listeners:\n  - routes:\n"
                + "    - matches: [{path: {regex: \"^/a/[0-9]+$\"}}]\n",
            Map.of());
    assertEquals(
        "^/a/[0-9]+$",
        ((dev.agentgateway.model.ir.PathMatch.Regex) c.routes().get(0).matches().get(0).path())
            .pattern());
  }

  @Test
  void unsetVariableIsAnErrorAtItsPath() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route("backends: [{host: \"$MISSING_HOST:${MISSING_PORT}\"}]"),
            Map.of());
    String path = "binds[0].listeners[0].routes[0].backends[0].host";
    assertEquals(
        List.of(
            new ConfigError(path, "environment variable \"MISSING_HOST\" is not set"),
            new ConfigError(path, "environment variable \"MISSING_PORT\" is not set")),
        errors);
  }

  @Test
  void malformedReferenceIsAnError() {
    assertEquals(
        List.of(
            new ConfigError(
                "config.adminAddr", "malformed \"${...}\" reference (use $$ for a literal $)")),
        ConfigErrorsTest.errors("config: {adminAddr: \"${ADDR\"}\n", Map.of("ADDR", "x:1")));
  }

  @Test
  void errorsNeverRepeatAVariableValue() {
    Map<String, String> env =
        Map.of(
            "SECRET", SECRET, "ADMIN_ADDR", SECRET, "CONNECTION_MIN_TERMINATION_DEADLINE", SECRET);
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    "config: {statsAddr: $SECRET, backend: {connectTimeout: $SECRET}}\n"
                        + ConfigErrorsTest.route("backends: [{host: $SECRET}]"),
                    env));
    assertEquals(
        List.of(
            "config.statsAddr",
            "config.backend.connectTimeout",
            "env.ADMIN_ADDR",
            "env.CONNECTION_MIN_TERMINATION_DEADLINE",
            "binds[0].listeners[0].routes[0].backends[0].host"),
        e.errors().stream().map(ConfigError::path).toList());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void environmentOverridesWinOverTheFile() throws ConfigException {
    String file =
        """
        config:
          adminAddr: 127.0.0.1:1
          statsAddr: 127.0.0.1:2
          readinessAddr: 127.0.0.1:3
          logging: {level: info, format: text}
          connectionMinTerminationDeadline: 1s
          connectionTerminationDeadline: 2s
        """;
    GatewayConfig c =
        load(
            file,
            Map.of(
                "ADMIN_ADDR", "0.0.0.0:9000",
                "STATS_ADDR", "off",
                "READINESS_ADDR", "[::]:9021",
                "RUST_LOG", "debug,hyper=warn",
                "LOG_FORMAT", "JSON",
                "CONNECTION_MIN_TERMINATION_DEADLINE", "15",
                "TERMINATION_GRACE_PERIOD_SECONDS", "30"));
    assertEquals(
        new StaticConfig(
            "0.0.0.0:9000",
            null,
            "[::]:9021",
            new LoggingConfig("debug,hyper=warn", LoggingConfig.Format.JSON),
            StaticConfig.DEFAULT.backend(),
            Duration.ofSeconds(15),
            Duration.ofSeconds(25)),
        c.config());
  }

  @Test
  void overridesApplyWithoutAConfigSection() throws ConfigException {
    StaticConfig c =
        load(
                "",
                Map.of(
                    "CONNECTION_MIN_TERMINATION_DEADLINE", "2m",
                    "TERMINATION_GRACE_PERIOD_SECONDS", "3",
                    "ADMIN_ADDR", "off"))
            .config();
    assertNull(c.adminAddr());
    assertEquals(Duration.ofMinutes(2), c.connectionMinTerminationDeadline());
    assertEquals(Duration.ZERO, c.connectionTerminationDeadline(), "never below zero");
    assertEquals(StaticConfig.DEFAULT.statsAddr(), c.statsAddr());
  }

  @Test
  void badOverridesAreReportedByVariableName() {
    assertEquals(
        List.of(
            new ConfigError("env.STATS_ADDR", "invalid address: port must be between 0 and 65535"),
            new ConfigError("env.LOG_FORMAT", "must be one of text, json"),
            new ConfigError(
                "env.TERMINATION_GRACE_PERIOD_SECONDS", "expected a whole number of seconds")),
        ConfigErrorsTest.byPath(
            ConfigErrorsTest.errors(
                "",
                Map.of(
                    "STATS_ADDR", "host:99999",
                    "LOG_FORMAT", "xml",
                    "TERMINATION_GRACE_PERIOD_SECONDS", "30s")),
            "env.STATS_ADDR",
            "env.LOG_FORMAT",
            "env.TERMINATION_GRACE_PERIOD_SECONDS"));
  }
}
