package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.McpTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route backends {@code mcp: {...}}: every target form, the modes, and every error's path. */
class McpBackendConfigTest {
  private static final String MCP = "binds[0].listeners[0].routes[0].backends[0].mcp.";
  private static final String OPENAPI_YAML =
      "openapi: 3.0.0\\ninfo: {title: t, version: '1'}\\npaths: {/pets: {get: {operationId: list}}}";

  @TempDir Path workDir;

  private GatewayConfig load(String routeBody) throws ConfigException {
    return new LocalConfigLoader(Map.of("TOKEN", "t0k3n"), workDir)
        .parse(ConfigErrorsTest.route(routeBody));
  }

  private Backend.Mcp mcp(String targets, String modes) throws ConfigException {
    String body =
        "backends:\n- mcp:\n    targets:\n"
            + targets.strip().indent(4).stripTrailing()
            + (modes.isEmpty() ? "" : "\n" + modes.strip().indent(4).stripTrailing());
    return (Backend.Mcp) load(body).routes().get(0).backends().get(0).backend();
  }

  private List<ConfigError> errors(String targets) {
    String body = "backends:\n- mcp:\n    targets:\n" + targets.strip().indent(4).stripTrailing();
    return assertThrows(
            ConfigException.class,
            () -> new LocalConfigLoader(Map.of(), workDir).parse(ConfigErrorsTest.route(body)))
        .errors();
  }

  @Test
  void everyRemoteAddressFormBecomesAHostAndPath() throws ConfigException {
    Backend.Mcp mcp =
        mcp(
            """
            - {name: url, mcp: {host: "http://localhost:3001/mcp"}}
            - {name: nopath, mcp: {host: "http://tools.internal:8080"}}
            - {name: legacy, sse: {host: "http://10.0.0.7"}}
            - {name: legacysse, sse: {host: "http://10.0.0.7:9000/events/sse"}}
            - {name: split, mcp: {host: example.com, port: 9090, path: /v1/mcp}}
            - {name: bare, mcp: {host: "backend.local:7000"}}
            - {name: v6, mcp: {host: "http://[::1]:3002/"}}
            - {name: v6split, sse: {host: "::1", port: 3003, path: /sse}}
            """,
            "");
    assertEquals(
        List.of(
            remote("url", McpTarget.Transport.STREAMABLE_HTTP, "localhost", 3001, "/mcp"),
            remote("nopath", McpTarget.Transport.STREAMABLE_HTTP, "tools.internal", 8080, "/mcp"),
            remote("legacy", McpTarget.Transport.SSE, "10.0.0.7", 80, "/sse"),
            remote("legacysse", McpTarget.Transport.SSE, "10.0.0.7", 9000, "/events/sse"),
            remote("split", McpTarget.Transport.STREAMABLE_HTTP, "example.com", 9090, "/v1/mcp"),
            remote("bare", McpTarget.Transport.STREAMABLE_HTTP, "backend.local", 7000, "/mcp"),
            remote("v6", McpTarget.Transport.STREAMABLE_HTTP, "::1", 3002, "/"),
            remote("v6split", McpTarget.Transport.SSE, "::1", 3003, "/sse")),
        mcp.targets());
  }

  private static McpTarget remote(
      String name, McpTarget.Transport transport, String host, int port, String path) {
    return new McpTarget.Remote(name, transport, new Backend.Host(host, port), path);
  }

  @Test
  void stdioTargetsKeepArgumentsAndEnvironmentInOrder() throws ConfigException {
    Backend.Mcp mcp =
        mcp(
            """
            - name: time
              stdio:
                cmd: uvx
                args: ["--with", "mcp<2", mcp-server-time, 7]
                env: {ZONE: UTC, API_TOKEN: $TOKEN, EMPTY: ""}
            """,
            "");
    assertEquals(
        List.of(
            new McpTarget.Stdio(
                "time",
                "uvx",
                List.of("--with", "mcp<2", "mcp-server-time", "7"),
                List.of(
                    new McpTarget.EnvVar("ZONE", "UTC"),
                    new McpTarget.EnvVar("API_TOKEN", "t0k3n"),
                    new McpTarget.EnvVar("EMPTY", "")))),
        mcp.targets());
  }

  @Test
  void openApiSchemasAreReadAtLoadTimeAndCarriedAsJson() throws Exception {
    Files.writeString(workDir.resolve("pets.yaml"), OPENAPI_YAML.replace("\\n", "\n"));
    Backend.Mcp mcp =
        mcp(
            """
            - {name: inline, openapi: {schema: "%s", host: "http://pets.local:8080/api/v3/"}}
            - {name: file, openapi: {schema: {file: pets.yaml}, host: "localhost:8080"}}
            - {name: split, openapi: {schema: {file: pets.yaml}, host: a.b, port: 81, path: /x}}
            """
                .formatted(OPENAPI_YAML),
            "");
    String json =
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
            + "\"paths\":{\"/pets\":{\"get\":{\"operationId\":\"list\"}}}}";
    assertEquals(
        List.of(
            new McpTarget.OpenApi("inline", json, new Backend.Host("pets.local", 8080), "/api/v3"),
            new McpTarget.OpenApi("file", json, new Backend.Host("localhost", 8080), null),
            new McpTarget.OpenApi("split", json, new Backend.Host("a.b", 81), "/x")),
        mcp.targets());
  }

  @Test
  void modesDefaultToUpstreamsAndCanBeSet() throws ConfigException {
    String target = "- {name: a, stdio: {cmd: server}}";
    Backend.Mcp defaults = mcp(target, "");
    assertEquals("bind/3000/listener0/route0/backend0", defaults.name());
    assertEquals(Backend.Mcp.PrefixMode.CONDITIONAL, defaults.prefixMode());
    assertEquals(Backend.Mcp.FailureMode.FAIL_CLOSED, defaults.failureMode());
    assertEquals(true, defaults.stateful());
    assertEquals(false, defaults.dnsRebindingProtection());

    Backend.Mcp set =
        mcp(
            target,
            """
            statefulMode: stateless
            prefixMode: always
            failureMode: failOpen
            dnsRebindingProtection: true
            """);
    assertEquals(Backend.Mcp.PrefixMode.ALWAYS, set.prefixMode());
    assertEquals(Backend.Mcp.FailureMode.FAIL_OPEN, set.failureMode());
    assertEquals(false, set.stateful());
    assertEquals(true, set.dnsRebindingProtection());
    assertEquals(Backend.Mcp.PrefixMode.NEVER, mcp(target, "prefixMode: never").prefixMode());
  }

  @Test
  void badModesAreReportedAtTheirField() {
    String body =
        """
        backends:
        - mcp:
            targets: [{name: a, stdio: {cmd: server}}]
            statefulMode: sometimes
            prefixMode: Always
            failureMode: failSoft
            dnsRebindingProtection: "yes"
        """;
    String at = "binds[0].listeners[0].routes[0].backends[0].mcp.";
    assertEquals(
        List.of(
            new ConfigError(at + "statefulMode", "must be one of stateful, stateless"),
            new ConfigError(at + "prefixMode", "must be one of conditional, always, never"),
            new ConfigError(at + "failureMode", "must be one of failClosed, failOpen"),
            new ConfigError(at + "dnsRebindingProtection", "expected true or false, got a string")),
        ConfigErrorsTest.errors(ConfigErrorsTest.route(body)));
  }

  @Test
  void targetsAreRequiredAndNotEmpty() {
    String at = "binds[0].listeners[0].routes[0].backends[0].";
    assertEquals(
        List.of(
            new ConfigError(at + "mcp", "\"mcp\" is required"),
            new ConfigError(
                "binds[0].listeners[0].routes[0].backends[1].mcp.targets",
                "\"targets\" is required"),
            new ConfigError(
                "binds[0].listeners[0].routes[0].backends[2].mcp.targets",
                "needs at least one target")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route("backends:\n- mcp:\n- mcp: {}\n- mcp: {targets: []}")));
  }

  @Test
  void targetNamesMustBeUniqueWithoutUnderscores() {
    assertEquals(
        List.of(
            new ConfigError(
                MCP + "targets[0].name",
                "must not contain \"_\" (it separates the target's name from its tools' names)"),
            new ConfigError(
                MCP + "targets[2].name",
                "duplicate target name \"time\" (also at " + MCP + "targets[1].name)"),
            new ConfigError(MCP + "targets[3].name", "\"name\" is required"),
            new ConfigError(MCP + "targets[4].name", "must not be blank")),
        errors(
            """
            - {name: my_time, stdio: {cmd: a}}
            - {name: time, stdio: {cmd: a}}
            - {name: time, stdio: {cmd: b}}
            - {stdio: {cmd: a}}
            - {name: " ", stdio: {cmd: a}}
            """));
  }

  @Test
  void targetKindProblemsAreReported() {
    assertEquals(
        List.of(
            new ConfigError(MCP + "targets[0]", "needs one of sse, mcp, stdio, openapi"),
            new ConfigError(MCP + "targets[1]", "only one of mcp, stdio may be set"),
            new ConfigError(
                MCP + "targets[2].nmae", "unknown field \"nmae\" (did you mean \"name\"?)"),
            new ConfigError(MCP + "targets[2].name", "\"name\" is required"),
            new ConfigError(MCP + "targets[3].policies", "\"policies\" is not supported yet"),
            new ConfigError(MCP + "targets[4].mcp", "\"mcp\" is required")),
        errors(
            """
            - {name: a}
            - {name: b, mcp: {host: "h:1"}, stdio: {cmd: c}}
            - {nmae: c, stdio: {cmd: c}}
            - {name: d, stdio: {cmd: c}, policies: {backendTLS: {}}}
            - {name: e, mcp: null}
            """));
  }

  @Test
  void remoteAddressProblemsNameTheirField() {
    String t = MCP + "targets[";
    assertEquals(
        List.of(
            new ConfigError(
                t + "0].mcp.host",
                "https:// targets are not supported yet (TLS to backends comes later)"),
            new ConfigError(t + "1].sse.path", "\"path\" is required"),
            new ConfigError(t + "2].mcp.path", "path must start with \"/\""),
            new ConfigError(t + "3].mcp.backend", "\"backend\" is not supported yet"),
            new ConfigError(
                t + "4].mcp.host",
                "unsupported URL scheme (use http://host:port/path or host:port)"),
            new ConfigError(t + "5].mcp.host", "a query or fragment is not allowed here"),
            new ConfigError(
                t + "6].mcp.host",
                "invalid host (expected http://host:port/path or host:port): invalid host name"),
            new ConfigError(t + "7].mcp.port", "must be between 1 and 65535"),
            new ConfigError(
                t + "8].mcp.host", "with port and path, host is a host name or address, not a URL"),
            new ConfigError(t + "9].mcp.host", "\"host\" is required")),
        errors(
            """
            - {name: a, mcp: {host: "https://secure.example.com/mcp"}}
            - {name: b, sse: {host: h, port: 80}}
            - {name: c, mcp: {host: h, port: 80, path: mcp}}
            - {name: d, mcp: {backend: shared, path: /mcp}}
            - {name: e, mcp: {host: "ws://h:1/mcp"}}
            - {name: f, mcp: {host: "http://h:1/mcp?token=x"}}
            - {name: g, mcp: {host: "http://bad host/mcp"}}
            - {name: h, mcp: {host: h, port: 0, path: /mcp}}
            - {name: i, mcp: {host: "http://h", port: 80, path: /mcp}}
            - {name: j, mcp: {}}
            """));
  }

  @Test
  void stdioProblemsNameTheirFieldWithoutRepeatingValues() {
    String t = MCP + "targets[";
    assertEquals(
        List.of(
            new ConfigError(t + "0].stdio.cmd", "\"cmd\" is required"),
            new ConfigError(t + "1].stdio.clear_env", "\"clear_env\" is not supported yet"),
            new ConfigError(
                t + "2].stdio.env.A=B",
                "invalid environment variable name (it must be non-empty without \"=\")"),
            new ConfigError(t + "3].stdio.env.KEY", "must be a string"),
            new ConfigError(t + "4].stdio.cmd", "must not be blank"),
            new ConfigError(t + "5].stdio.args", "expected a list, got a string")),
        errors(
            """
            - {name: a, stdio: {args: [x]}}
            - {name: b, stdio: {cmd: c, clear_env: true}}
            - {name: c, stdio: {cmd: c, env: {"A=B": secret-value}}}
            - {name: d, stdio: {cmd: c, env: {KEY: null}}}
            - {name: e, stdio: {cmd: "  "}}
            - {name: f, stdio: {cmd: c, args: "--flag"}}
            """));
  }

  @Test
  void openApiSchemaProblemsNameTheirField() throws Exception {
    Files.writeString(workDir.resolve("swagger.json"), "{\"swagger\": \"2.0\", \"paths\": {}}");
    Files.write(workDir.resolve("huge.json"), new byte[McpTarget.OpenApi.MAX_SCHEMA_BYTES + 1]);
    Files.write(workDir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
    String t = MCP + "targets[";
    assertEquals(
        List.of(
            new ConfigError(t + "0].openapi.schema.url", "\"url\" is not supported yet"),
            new ConfigError(
                t + "1].openapi.schema.file",
                "schema file " + workDir.resolve("missing.json") + " does not exist"),
            new ConfigError(
                t + "2].openapi.schema.file",
                "not an OpenAPI 3 document (it needs \"openapi: 3.x\")"),
            new ConfigError(
                t + "3].openapi.schema.file", "schema file is larger than 2097152 bytes"),
            new ConfigError(
                t + "4].openapi.schema.file",
                "schema file " + workDir.resolve("latin1.yaml") + " is not UTF-8 text"),
            new ConfigError(
                t + "5].openapi.schema", "the OpenAPI document needs a \"paths\" mapping"),
            new ConfigError(t + "6].openapi.schema", "\"schema\" is required"),
            new ConfigError(t + "7].openapi.host", "\"host\" is required"),
            new ConfigError(t + "8].openapi.schema", "expected a mapping, got a list")),
        errors(
            """
            - {name: a, openapi: {schema: {url: "http://x/openapi.json"}, host: "h:1"}}
            - {name: b, openapi: {schema: {file: missing.json}, host: "h:1"}}
            - {name: c, openapi: {schema: {file: swagger.json}, host: "h:1"}}
            - {name: d, openapi: {schema: {file: huge.json}, host: "h:1"}}
            - {name: e, openapi: {schema: {file: latin1.yaml}, host: "h:1"}}
            - {name: f, openapi: {schema: "openapi: 3.1.0", host: "h:1"}}
            - {name: g, openapi: {host: "h:1"}}
            - {name: h, openapi: {schema: "openapi: 3.1.0\\npaths: {}"}}
            - {name: i, openapi: {schema: [a], host: "h:1"}}
            """));
  }

  @Test
  void invalidInlineSchemaTextIsASchemaError() {
    List<ConfigError> errors =
        errors("- {name: a, openapi: {schema: \"openapi: [3\", host: \"h:1\"}}");
    assertEquals(1, errors.size());
    assertEquals(MCP + "targets[0].openapi.schema", errors.get(0).path());
    assertEquals(
        true,
        errors.get(0).message().startsWith("invalid schema: invalid YAML at line 1"),
        errors.get(0).message());
  }
}
