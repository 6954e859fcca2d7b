package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level {@code mcp:} shortcut compiles to the bind, listener and route upstream builds. */
class McpShortcutConfigTest {
  private static GatewayConfig load(String text) throws ConfigException {
    return new LocalConfigLoader(Map.of()).parse(text);
  }

  private static final Backend.Mcp EVERYTHING =
      new Backend.Mcp(
          "mcp",
          List.of(
              new McpTarget.Stdio(
                  "everything",
                  "npx",
                  List.of("@modelcontextprotocol/server-everything"),
                  List.of())),
          Backend.Mcp.PrefixMode.CONDITIONAL,
          Backend.Mcp.FailureMode.FAIL_CLOSED,
          true);

  @Test
  void shortcutServesEveryPathOfItsPortWithOneMcpBackend() throws ConfigException {
    GatewayConfig config =
        load(
            """
            mcp:
              port: 3001
              targets:
              - name: everything
                stdio: {cmd: npx, args: ["@modelcontextprotocol/server-everything"]}
            """);
    assertEquals(List.of(new Bind("bind/3001", 3001)), config.binds());
    assertEquals(
        List.of(new Listener("bind/3001/mcp", "bind/3001", "mcp", null, ListenerProtocol.HTTP)),
        config.listeners());
    assertEquals(
        List.of(
            new Route(
                "bind/3001/mcp/default",
                "bind/3001/mcp",
                "default",
                "internal",
                "",
                List.of(),
                List.of(RouteMatch.ANY),
                RoutePolicies.NONE,
                List.of(new RouteBackend(EVERYTHING, 1)),
                0)),
        config.routes());
  }

  @Test
  void shortcutIsTheLongFormUnderAnotherName() throws ConfigException {
    String targets =
        "targets: [{name: everything, stdio: {cmd: npx, args: [\"@modelcontextprotocol/server-everything\"]}}]";
    GatewayConfig shortcut = load("mcp:\n  port: 3000\n  " + targets + "\n");
    GatewayConfig longForm =
        load(
            """
            binds:
            - port: 3000
              listeners:
              - name: mcp
                routes:
                - name: default
                  namespace: internal
                  backends:
                  - mcp: {%s}
            """
                .formatted(targets));
    assertEquals(longForm.binds(), shortcut.binds());
    assertEquals(longForm.listeners(), shortcut.listeners());
    Route expected = longForm.routes().get(0);
    Route actual = shortcut.routes().get(0);
    // Only the backend's name differs: upstream names the shortcut's backend "mcp".
    assertEquals(
        new Route(
            expected.key(),
            expected.listenerKey(),
            expected.name(),
            expected.namespace(),
            expected.ruleName(),
            expected.hostnames(),
            expected.matches(),
            expected.policies(),
            actual.backends(),
            expected.order()),
        actual);
    Backend.Mcp longBackend = (Backend.Mcp) expected.backends().get(0).backend();
    assertEquals(EVERYTHING.targets(), longBackend.targets());
    assertEquals(EVERYTHING, actual.backends().get(0).backend());
  }

  @Test
  void portDefaultsToUpstreams3000AndModesAreRead() throws ConfigException {
    GatewayConfig config =
        load(
            """
            mcp:
              statefulMode: stateless
              prefixMode: always
              failureMode: failOpen
              dnsRebindingProtection: true
              targets:
              - {name: remote, mcp: {host: "http://localhost:3005/mcp"}}
            """);
    assertEquals(List.of(new Bind("bind/3000", 3000)), config.binds());
    Backend.Mcp mcp = (Backend.Mcp) config.routes().get(0).backends().get(0).backend();
    assertEquals(
        new Backend.Mcp(
            "mcp",
            List.of(
                new McpTarget.Remote(
                    "remote",
                    McpTarget.Transport.STREAMABLE_HTTP,
                    new Backend.Host("localhost", 3005),
                    "/mcp")),
            Backend.Mcp.PrefixMode.ALWAYS,
            Backend.Mcp.FailureMode.FAIL_OPEN,
            false,
            true),
        mcp);
  }

  @Test
  void shortcutPoliciesBecomeItsRoutesPolicies() throws ConfigException {
    GatewayConfig config =
        load(
            """
            mcp:
              policies:
                requestHeaderModifier: {set: {x-gateway: agw}}
              targets: [{name: a, stdio: {cmd: server}}]
            """);
    assertEquals(
        new HeaderModifier(List.of(), List.of(new HeaderValue("x-gateway", "agw")), List.of()),
        config.routes().get(0).policies().requestHeaderModifier());
  }

  @Test
  void shortcutRunsBesideBindsOnAnotherPortAndItsRouteComesLast() throws ConfigException {
    GatewayConfig config =
        load(
            """
            mcp:
              port: 3001
              targets: [{name: a, stdio: {cmd: server}}]
            binds:
            - port: 3000
              listeners: [{routes: [{backends: [{host: "a:1"}]}]}]
            """);
    assertEquals(List.of(new Bind("bind/3000", 3000), new Bind("bind/3001", 3001)), config.binds());
    assertEquals(List.of(0, 1), config.routes().stream().map(Route::order).toList());
    assertEquals("bind/3001/mcp/default", config.routes().get(1).key());
  }

  @Test
  void portTakenByABindIsAnErrorAtTheShortcutsPort() {
    String bind = "binds:\n- {port: 3000, listeners: []}\n";
    assertEquals(
        List.of(new ConfigError("mcp.port", "port is already used by binds[0]")),
        ConfigErrorsTest.errors(
            bind + "mcp: {port: 3000, targets: [{name: a, stdio: {cmd: s}}]}\n"));
    assertEquals(
        List.of(
            new ConfigError(
                "mcp.port", "the default port 3000 is already used by binds[0]; set a port")),
        ConfigErrorsTest.errors(bind + "mcp: {targets: [{name: a, stdio: {cmd: s}}]}\n"));
  }

  @Test
  void shortcutProblemsNameTheirField() {
    assertEquals(
        List.of(
            new ConfigError("mcp.gateways", "\"gateways\" is not supported yet"),
            new ConfigError("mcp.port", "must be between 1 and 65535"),
            new ConfigError("mcp.policies.oidc", "\"oidc\" is not supported yet"),
            new ConfigError(
                "mcp.policies.a2a",
                "a2a does not apply here: the mcp shortcut's backend is an mcp backend"),
            new ConfigError(
                "mcp.targets[0].name",
                "must not contain \"_\" (it separates the"
                    + " target's name from its tools' names)"),
            new ConfigError(
                "mcp.targets[1].mcp.host",
                "https:// targets are not supported yet (TLS to backends comes later)"),
            new ConfigError("mcp.prefixMode", "must be one of conditional, always, never")),
        ConfigErrorsTest.errors(
            """
            mcp:
              gateways: [default]
              port: 0
              policies: {oidc: {}, a2a: {}}
              prefixMode: sometimes
              targets:
              - {name: my_server, stdio: {cmd: s}}
              - {name: remote, mcp: {host: "https://example.com/mcp"}}
            """));
    assertEquals(
        List.of(
            new ConfigError("mcp.targets", "\"targets\" is required"),
            new ConfigError(
                "mcp.tragets", "unknown field \"tragets\" (did you mean \"targets\"?)")),
        ConfigErrorsTest.byPath(
            ConfigErrorsTest.errors("mcp: {tragets: []}\n"), "mcp.targets", "mcp.tragets"));
  }
}
