package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {
  private static final String ROUTE_PREFIX = "binds[0].listeners[0].routes[0].";

  static List<ConfigError> errors(String text) {
    return errors(text, Map.of());
  }

  static List<ConfigError> errors(String text, Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> new LocalConfigLoader(env).parse(text))
        .errors();
  }

  /** A config with one route whose body (indented 6 spaces) is {@code route}. */
  static String route(String route) {
    return "binds:\n- port: 3000\n  listeners:\n  - routes:\n    - "
        + route.strip().replace("\n", "\n      ")
        + "\n";
  }

  @Test
  void unknownFieldIsReportedWithASuggestion() {
    assertEquals(
        List.of(
            new ConfigError(
                "binds[0].listeners[0].hostnme",
                "unknown field \"hostnme\" (did you mean \"hostname\"?)")),
        errors("binds:\n- port: 3000\n  listeners:\n  - hostnme: example.com\n"));
  }

  @Test
  void misspeltFieldGetsTheClosestKnownName() {
    assertEquals(
        List.of(
            new ConfigError(
                ROUTE_PREFIX + "polices",
                "unknown field \"polices\" (did you mean \"policies\"?)")),
        errors(route("polices: {}")));
    assertEquals(
        List.of(
            new ConfigError(
                ROUTE_PREFIX + "matches[0].path.pathprefix",
                "unknown field \"pathprefix\" (did you mean \"pathPrefix\"?)"),
            new ConfigError(
                ROUTE_PREFIX + "matches[0].path", "needs one of exact, pathPrefix, regex")),
        errors(route("matches:\n- path: {pathprefix: /}")));
  }

  @Test
  void unknownFieldWithNothingCloseHasNoSuggestion() {
    assertEquals(
        List.of(new ConfigError("frobnicate", "unknown field \"frobnicate\"")),
        errors("frobnicate: 1\n"));
  }

  @Test
  void upstreamFieldsWeLackAreNotSupportedYet() {
    assertEquals(
        List.of(
            new ConfigError("config.logging.database", "\"database\" is not supported yet"),
            new ConfigError(
                "frontendPolicies.proxyProtocol", "\"proxyProtocol\" is not supported yet"),
            new ConfigError(
                "frontendPolicies.http.maxConnectionDuration",
                "\"maxConnectionDuration\" is not supported yet"),
            new ConfigError(
                "binds[0].listeners[0].tcpRoutes", "\"tcpRoutes\" is not supported yet"),
            new ConfigError(
                "binds[0].listeners[0].routes[0].policies.oidc", "\"oidc\" is not supported yet"),
            new ConfigError(
                "binds[0].listeners[0].routes[0].backends[0].service",
                "\"service\" is not supported yet"),
            new ConfigError("llm.gateways", "\"gateways\" is not supported yet")),
        errors(
            """
            llm: {gateways: [default], models: [{name: m, provider: openAI}]}
            config: {logging: {database: {}}}
            frontendPolicies: {proxyProtocol: {}, http: {maxConnectionDuration: 1s}}
            binds:
            - port: 3000
              listeners:
              - tcpRoutes: []
                routes:
                - policies: {oidc: {}}
                  backends: [{service: {name: a, port: 80}}]
            """));
  }

  @Test
  void nonDefaultBindModesAndListenerProtocolsAreNotSupportedYet() {
    assertEquals(
        List.of(
            new ConfigError(
                "binds[0].tunnelProtocol",
                "\"hboneWaypoint\" is not supported yet (only \"direct\" is supported)"),
            new ConfigError(
                "binds[0].mode",
                "\"internal\" is not supported yet (only \"standard\" is supported)"),
            new ConfigError(
                "binds[0].listeners[0].protocol",
                "protocol \"TLS\" is not supported yet (only HTTP and HTTPS)"),
            new ConfigError(
                "binds[0].listeners[1].protocol", "must be one of HTTP, HTTPS, TLS, TCP, HBONE")),
        errors(
            """
            binds:
            - port: 3000
              tunnelProtocol: hboneWaypoint
              mode: internal
              listeners: [{protocol: TLS}, {protocol: http}]
            """));
  }

  @Test
  void conditionalDirectResponseIsNotSupportedYet() {
    assertEquals(
        List.of(
            new ConfigError(
                ROUTE_PREFIX + "policies.directResponse.conditional",
                "\"conditional\" is not supported yet")),
        errors(
            route(
                """
                policies:
                  directResponse: {conditional: [{status: 503}]}
                  retry: {codes: [503], condition: "true"}
                """)));
  }

  @Test
  void badRegexNamesTheFieldPathAndTheReason() {
    List<ConfigError> errors =
        errors(
            """
            binds:
            - port: 3000
              listeners:
              - {}
              - routes:
                - {}
                - {}
                - matches:
                  - path: {regex: "/a(b"}
                    headers: [{name: x, value: {regex: "[z"}}]
                    query: [{name: q, value: {regex: "*"}}]
            """);
    String match = "binds[0].listeners[1].routes[2].matches[0].";
    assertEquals(
        List.of(
            match + "path.regex", match + "headers[0].value.regex", match + "query[0].value.regex"),
        errors.stream().map(ConfigError::path).toList());
    assertEquals("invalid regex: Unclosed group near index 4", errors.get(0).message());
    assertTrue(errors.get(1).message().startsWith("invalid regex: Unclosed character class"));
    assertTrue(errors.get(2).message().startsWith("invalid regex: Dangling meta character"));
  }

  @Test
  void badDurationIsReportedAtItsPath() {
    assertEquals(
        List.of(
            new ConfigError(
                "config.backend.connectTimeout",
                "invalid duration: missing unit (use ns, us, ms, s, m or h, e.g. \"10s\")"),
            new ConfigError(
                ROUTE_PREFIX + "policies.timeout.requestTimeout",
                "invalid duration: unknown unit (use ns, us, ms, s, m or h)"),
            new ConfigError(
                ROUTE_PREFIX + "policies.retry.backoff",
                "expected a duration string such as \"10s\", got a number")),
        errors(
            "config: {backend: {connectTimeout: \"10\"}}\n"
                + route(
                    "policies: {timeout: {requestTimeout: 5sec}, retry: {codes: [503], backoff: 5}}")));
  }

  @Test
  void duplicatePortsAcrossBindsAreRejected() {
    assertEquals(
        List.of(new ConfigError("binds[2].port", "port is already used by binds[0]")),
        errors(
            "binds:\n- {port: 3000, listeners: []}\n- {port: 3001, listeners: []}\n"
                + "- {port: 3000, listeners: []}\n"));
  }

  @Test
  void severalErrorsAreReportedTogether() {
    List<ConfigError> errors =
        errors(
            """
            config:
              adminAddr: "localhost"
              logging: {format: xml}
            binds:
            - listeners: []
            - port: 70000
              listeners:
              - hostname: "bad host"
                routes:
                - hostnames: ["*"]
                  matches: [{path: {exact: nope}, method: "GE T"}]
                  policies:
                    requestRedirect: {status: 200}
                    requestMirror: {backend: {host: "m:1"}, percentage: 2}
                    directResponse: {body: x}
                  backends:
                  - {host: "https://secure:443"}
                  - {host: "::1:80"}
                  - {weight: -1, host: "a:1"}
                  - {weight: 1}
            """);
    String r = "binds[1].listeners[0].routes[0].";
    assertEquals(
        List.of(
            new ConfigError("config.adminAddr", "invalid address: expected host:port"),
            new ConfigError("config.logging.format", "must be one of text, json"),
            new ConfigError("binds[0].port", "\"port\" is required"),
            new ConfigError("binds[1].port", "must be between 1 and 65535"),
            new ConfigError(
                "binds[1].listeners[0].hostname",
                "invalid hostname (expected a DNS name or *.suffix)"),
            new ConfigError(
                r + "hostnames[0]", "invalid hostname (expected a DNS name or *.suffix)"),
            new ConfigError(r + "matches[0].path.exact", "path must start with \"/\""),
            new ConfigError(r + "matches[0].method", "invalid HTTP method"),
            new ConfigError(r + "policies.requestRedirect.status", "must be between 300 and 399"),
            new ConfigError(r + "policies.requestMirror.percentage", "must be between 0.0 and 1.0"),
            new ConfigError(r + "policies.directResponse.status", "\"status\" is required"),
            new ConfigError(
                r + "backends[0].host",
                "https:// backends are not supported yet (TLS to backends comes later)"),
            new ConfigError(
                r + "backends[1].host",
                "invalid backend host (expected host:port): IPv6 addresses must be in brackets,"
                    + " e.g. [::1]:8080"),
            new ConfigError(r + "backends[2].weight", "must be between 0 and 2147483647"),
            new ConfigError(r + "backends[3]", "needs one of host, mcp, ai")),
        errors);
  }

  @Test
  void backendNeedsExactlyOneKind() {
    assertEquals(
        List.of(
            new ConfigError(ROUTE_PREFIX + "backends[0]", "only one of host, mcp may be set"),
            new ConfigError(
                ROUTE_PREFIX + "backends[1].a2a", "unknown field \"a2a\" (did you mean \"ai\"?)"),
            new ConfigError(ROUTE_PREFIX + "backends[1]", "needs one of host, mcp, ai"),
            new ConfigError(ROUTE_PREFIX + "backends[2]", "only one of host, ai may be set")),
        errors(
            route(
                "backends:\n- {host: \"a:1\", mcp: {targets: []}}\n- {a2a: {}}\n"
                    + "- {host: \"a:1\", ai: {}}")));
  }

  @Test
  void yamlSyntaxErrorCarriesLineAndColumn() {
    List<ConfigError> errors = errors("binds:\n- port: 3000\n  listeners: [\n");
    assertEquals(1, errors.size());
    assertEquals("", errors.get(0).path());
    assertTrue(
        errors.get(0).message().matches("invalid YAML at line \\d+, column \\d+: .+"),
        errors.get(0).message());
  }

  @Test
  void duplicateKeysAreASyntaxError() {
    List<ConfigError> errors = errors("binds: []\nbinds: []\n");
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).message().startsWith("invalid YAML at line 2"), errors.get(0).message());
  }

  @Test
  void jsonSyntaxErrorCarriesLineAndColumn() {
    List<ConfigError> errors = errors("{\n  \"binds\": [,]\n}\n");
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).message().startsWith("invalid JSON at line 2, column"),
        errors.get(0).message());
  }

  @Test
  void wrongTypesAreReported() {
    assertEquals(
        List.of(
            new ConfigError("binds", "expected a list, got a mapping"),
            new ConfigError("config.adminAddr", "expected a string, got a list"),
            new ConfigError("frontendPolicies.http", "expected a mapping, got a string")),
        byPath(
            errors(
                "binds: {port: 3000}\nconfig: {adminAddr: [a]}\nfrontendPolicies: {http: fast}\n"),
            "binds",
            "config.adminAddr",
            "frontendPolicies.http"));
  }

  /** {@code errors} sorted into the order of {@code paths}. */
  static List<ConfigError> byPath(List<ConfigError> errors, String... paths) {
    List<String> order = List.of(paths);
    return errors.stream()
        .sorted(java.util.Comparator.comparingInt(e -> order.indexOf(e.path())))
        .toList();
  }
}
