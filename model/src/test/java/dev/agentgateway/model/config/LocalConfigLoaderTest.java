package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendConfig;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.model.ir.ValueMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigLoaderTest {
  /** Uses every supported field once. */
  static final String FULL =
      """
      config:
        adminAddr: 127.0.0.1:16000
        statsAddr: "[::1]:16020"
        readinessAddr: "off"
        logging:
          level: [warn, proxy=debug]
          format: json
        backend:
          connectTimeout: 2s
          poolIdleTimeout: 1m30s
          poolMaxSize: 8
        connectionTerminationDeadline: 20s
        connectionMinTerminationDeadline: 500ms
      frontendPolicies:
        http:
          maxBufferSize: 1048576
          http1MaxHeaders: 50
          http2MaxHeaderSize: 32768
          http1IdleTimeout: 3m0s
      binds:
      - port: 3000
        tunnelProtocol: direct
        mode: standard
        listeners:
        - name: main
          namespace: default
          hostname: "*.Example.com"
          protocol: HTTP
          routes:
          - name: api
            namespace: ns
            ruleName: rule1
            hostnames: [api.example.com, "*.example.org"]
            matches:
            - path: {pathPrefix: /api}
              method: GET
              headers:
              - name: x-env
                value: {exact: prod}
              - name: x-id
                value: {regex: "[0-9]+"}
              query:
              - name: debug
                value: {exact: "1"}
              - name: v
                value: {regex: "v[12]"}
            - path: {exact: /health}
            - path: {regex: "/items/[a-z]+"}
            policies:
              requestHeaderModifier:
                add: {x-added: a}
                set: {x-set: s}
                remove: [x-drop]
              responseHeaderModifier:
                set: {server: agw}
              urlRewrite:
                authority: {host: internal.svc}
                path: {prefix: /v2}
              requestMirror:
                backend: {host: "mirror:9000"}
                percentage: 0.25
              timeout:
                requestTimeout: 10s
                backendRequestTimeout: 2.5s
              retry:
                attempts: 3
                backoff: 100ms
                codes: [502, 503]
            backends:
            - host: 127.0.0.1:8080
              weight: 3
            - host: http://backend.local
            - host: "[::1]:9090"
              weight: 0
          - policies:
              requestRedirect:
                scheme: https
                authority: {full: "example.com:8443"}
                path: {full: /new}
                status: 301
          - name: api
            policies:
              directResponse: {body: hello, status: 200}
        - routes:
          - policies:
              requestRedirect: {authority: auto}
              urlRewrite: {authority: none, path: {full: /x}}
          - policies:
              requestRedirect: {authority: {port: 8443}}
              retry: {codes: [500]}
      - port: 4000
        listeners: []
      """;

  private static GatewayConfig load(String text) throws ConfigException {
    return new LocalConfigLoader(Map.of()).parse(text);
  }

  @Test
  void everySupportedFieldLandsInTheIr() throws ConfigException {
    GatewayConfig c = load(FULL);

    assertEquals(
        new StaticConfig(
            "127.0.0.1:16000",
            "[::1]:16020",
            null,
            new LoggingConfig("warn,proxy=debug", LoggingConfig.Format.JSON),
            new BackendConfig(Duration.ofSeconds(2), Duration.ofSeconds(90), 8),
            Duration.ofMillis(500),
            Duration.ofSeconds(20)),
        c.config());
    assertEquals(new FrontendHttp(1048576, 50, 32768, Duration.ofMinutes(3)), c.frontendHttp());
    assertEquals(List.of(new Bind("bind/3000", 3000), new Bind("bind/4000", 4000)), c.binds());
    assertEquals(
        List.of(
            new Listener(
                "bind/3000/main", "bind/3000", "main", "*.example.com", ListenerProtocol.HTTP),
            new Listener("bind/3000/listener1", "bind/3000", null, null, ListenerProtocol.HTTP)),
        c.listeners());
    assertEquals(5, c.routes().size());

    Route api = c.routes().get(0);
    assertEquals("bind/3000/main/api", api.key());
    assertEquals("bind/3000/main", api.listenerKey());
    assertEquals(
        List.of("api", "ns", "rule1"), List.of(api.name(), api.namespace(), api.ruleName()));
    assertEquals(List.of("api.example.com", "*.example.org"), api.hostnames());
    assertEquals(
        List.of(
            new RouteMatch(
                new PathMatch.Prefix("/api"),
                "GET",
                List.of(
                    new HeaderMatch("x-env", new ValueMatch.Exact("prod")),
                    new HeaderMatch("x-id", new ValueMatch.Regex("[0-9]+"))),
                List.of(
                    new QueryMatch("debug", new ValueMatch.Exact("1")),
                    new QueryMatch("v", new ValueMatch.Regex("v[12]")))),
            new RouteMatch(new PathMatch.Exact("/health"), null, List.of(), List.of()),
            new RouteMatch(new PathMatch.Regex("/items/[a-z]+"), null, List.of(), List.of())),
        api.matches());
    assertEquals(
        new RoutePolicies(
            new HeaderModifier(
                List.of(new HeaderValue("x-added", "a")),
                List.of(new HeaderValue("x-set", "s")),
                List.of("x-drop")),
            new HeaderModifier(List.of(), List.of(new HeaderValue("server", "agw")), List.of()),
            null,
            new UrlRewrite(
                new AuthorityRewrite.Host("internal.svc"), new PathRewrite.Prefix("/v2")),
            new RequestMirror(new Backend.Host("mirror", 9000), 0.25),
            null,
            new TimeoutPolicy(Duration.ofSeconds(10), Duration.ofMillis(2500)),
            new RetryPolicy(3, Duration.ofMillis(100), Set.of(502, 503))),
        api.policies());
    assertEquals(
        List.of(
            new RouteBackend(new Backend.Host("127.0.0.1", 8080), 3),
            new RouteBackend(new Backend.Host("backend.local", 80), 1),
            new RouteBackend(new Backend.Host("::1", 9090), 0)),
        api.backends());

    Route redirect = c.routes().get(1);
    assertEquals("bind/3000/main/route1", redirect.key());
    assertEquals(List.of(RouteMatch.ANY), redirect.matches());
    assertEquals(
        new RequestRedirect(
            "https",
            new AuthorityRewrite.Full("example.com:8443"),
            new PathRewrite.Full("/new"),
            301),
        redirect.policies().requestRedirect());

    Route direct = c.routes().get(2);
    assertEquals("bind/3000/main/api#2", direct.key(), "duplicate names get distinct keys");
    assertEquals(new DirectResponse(200, "hello"), direct.policies().directResponse());

    Route auto = c.routes().get(3);
    assertEquals("bind/3000/listener1/route0", auto.key());
    assertEquals(
        new RequestRedirect(null, new AuthorityRewrite.Auto(), null, null),
        auto.policies().requestRedirect());
    assertEquals(
        new UrlRewrite(new AuthorityRewrite.None(), new PathRewrite.Full("/x")),
        auto.policies().urlRewrite());

    Route port = c.routes().get(4);
    assertEquals(new AuthorityRewrite.Port(8443), port.policies().requestRedirect().authority());
    assertEquals(
        new RetryPolicy(1, null, Set.of(500)), port.policies().retry(), "attempts default 1");

    assertEquals(List.of(0, 1, 2, 3, 4), c.routes().stream().map(Route::order).toList());
    assertEquals(List.of(), c.policies());
  }

  @Test
  void defaultsApplyWhenFieldsAreAbsent() throws ConfigException {
    GatewayConfig c = load("binds:\n- port: 8080\n  listeners:\n  - routes:\n    - {}\n");
    assertEquals(StaticConfig.DEFAULT, c.config());
    assertEquals(FrontendHttp.DEFAULT, c.frontendHttp());
    Route route = c.routes().get(0);
    assertEquals("bind/8080/listener0/route0", route.key());
    assertEquals(List.of(RouteMatch.ANY), route.matches());
    assertEquals(RoutePolicies.NONE, route.policies());
    assertEquals(List.of(), route.backends());
  }

  @Test
  void loggingLevelAcceptsAPlainString() throws ConfigException {
    GatewayConfig c = load("config:\n  logging:\n    level: warn,proxy=debug\n");
    assertEquals("warn,proxy=debug", c.config().logging().level());
    assertEquals(LoggingConfig.Format.TEXT, c.config().logging().format());
  }

  @Test
  void emptyOrWhitespaceFileIsAnEmptyConfig() throws ConfigException {
    for (String text : List.of("", "  \n\t\n", "# only a comment\n")) {
      GatewayConfig c = load(text);
      assertEquals(GatewayConfig.empty(StaticConfig.DEFAULT), c, "for " + text.strip());
    }
  }

  @Test
  void topLevelMustBeAMapping() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("- port: 3000\n"));
    assertEquals(
        List.of(new ConfigError("", "the top level of the config must be a mapping")), e.errors());
  }

  @Test
  void jsonConfigLoadsLikeYaml() throws ConfigException {
    String json =
        """
        {
          "binds": [{"port": 3000, "listeners": [{"routes": [{"backends": [{"host": "a:1"}]}]}]}]
        }
        """;
    GatewayConfig c = load(json);
    assertEquals(
        List.of(new RouteBackend(new Backend.Host("a", 1), 1)), c.routes().get(0).backends());
  }

  @Test
  void loadReadsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, FULL);
    GatewayConfig c = new LocalConfigLoader(Map.of()).load(file);
    assertEquals(load(FULL), c);
    assertTrue(c.routes().size() > 1);
  }
}
