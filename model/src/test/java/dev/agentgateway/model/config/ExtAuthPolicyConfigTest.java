package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code extAuthz} and {@code remoteRateLimit} route policies in upstream's shape. */
class ExtAuthPolicyConfigTest {
  private static final String P = "binds[0].listeners[0].routes[0].policies.";

  private static RoutePolicies policies(String body) throws ConfigException {
    return new LocalConfigLoader(Map.of("AUTHZ", "authz.local:9000"))
        .parse(ConfigErrorsTest.route(body))
        .routes()
        .get(0)
        .policies();
  }

  private static List<ConfigError> errors(String body) {
    return ConfigErrorsTest.errors(ConfigErrorsTest.route(body));
  }

  @Test
  void readsGrpcExtAuthzWithEveryField() throws ConfigException {
    assertEquals(
        new ExtAuthzPolicy(
            new Backend.Host("authz.local", 9000),
            ExtAuthzPolicy.Protocol.GRPC,
            Map.of("tenant", "a"),
            List.of(),
            List.of("authorization", "x-user", ":path"),
            new ExtAuthzPolicy.BodyOptions(1024, true, true),
            ExtAuthzPolicy.FailureMode.ALLOW,
            403,
            Duration.ofMillis(250)),
        policies(
                """
                policies:
                  extAuthz:
                    host: $AUTHZ
                    protocol: {grpc: {context: {tenant: a}}}
                    failureMode: allow
                    includeRequestHeaders: [Authorization, x-user, ":path"]
                    includeRequestBody: {maxRequestBytes: 1024, allowPartialMessage: true, packAsBytes: true}
                    policies: {http: {requestTimeout: 250ms}}
                backends: [{host: "a:1"}]
                """)
            .extAuthz());
  }

  @Test
  void defaultsToGrpcDenyAllHeadersNoBody() throws ConfigException {
    assertEquals(
        new ExtAuthzPolicy(
            new Backend.Host("authz.local", 9000),
            ExtAuthzPolicy.Protocol.GRPC,
            Map.of(),
            List.of(),
            null,
            null,
            ExtAuthzPolicy.FailureMode.DENY,
            ExtAuthzPolicy.DEFAULT_FAILURE_STATUS,
            null),
        policies(
                """
                policies: {extAuthz: {host: "authz.local:9000"}}
                backends: [{host: "a:1"}]
                """)
            .extAuthz());
  }

  @Test
  void readsHttpExtAuthzWithDenyStatusAndDefaultBodySize() throws ConfigException {
    assertEquals(
        new ExtAuthzPolicy(
            new Backend.Host("authz.local", 80),
            ExtAuthzPolicy.Protocol.HTTP,
            Map.of(),
            List.of("x-auth-user"),
            null,
            new ExtAuthzPolicy.BodyOptions(8192, false, false),
            ExtAuthzPolicy.FailureMode.DENY,
            503,
            null),
        policies(
                """
                policies:
                  extAuthz:
                    host: http://authz.local
                    protocol: {http: {includeResponseHeaders: [X-Auth-User]}}
                    failureMode: {denyWithStatus: 503}
                    includeRequestBody: {}
                backends: [{host: "a:1"}]
                """)
            .extAuthz());
  }

  @Test
  void badExtAuthzNamesTheField() {
    assertEquals(
        List.of(
            new ConfigError(P + "extAuthz", "needs one of host"),
            new ConfigError(P + "extAuthz.includeRequestHeaders[0]", "invalid header name"),
            new ConfigError(
                P + "extAuthz.includeRequestHeaders[1]",
                "unknown pseudo header (expected one of [:method, :path, :authority, :scheme])"),
            new ConfigError(P + "extAuthz.failureMode", "must be one of allow, deny")),
        errors(
            """
            policies:
              extAuthz:
                failureMode: maybe
                includeRequestHeaders: ["bad header", ":status"]
            backends: [{host: "a:1"}]
            """));
    assertEquals(
        List.of(
            new ConfigError(P + "extAuthz.service", "\"service\" is not supported yet"),
            new ConfigError(P + "extAuthz.cache", "\"cache\" is not supported yet"),
            new ConfigError(P + "extAuthz.protocol.http.path", "\"path\" is not supported yet")),
        errors(
            """
            policies:
              extAuthz:
                service: {name: default/authz, port: 9000}
                protocol: {http: {path: '"/check"'}}
                cache: {key: [request.path], ttl: duration("1m")}
            backends: [{host: "a:1"}]
            """));
    assertEquals(
        List.of(new ConfigError(P + "extAuthz.protocol", "only one of grpc, http may be set")),
        errors(
            """
            policies: {extAuthz: {host: "a:1", protocol: {grpc: {}, http: {}}}}
            backends: [{host: "a:1"}]
            """));
  }

  @Test
  void readsRemoteRateLimit() throws ConfigException {
    assertEquals(
        new RemoteRateLimitPolicy(
            new Backend.Host("rls.local", 8081),
            "api",
            List.of(
                new RemoteRateLimitPolicy.Descriptor(
                    List.of(
                        new RemoteRateLimitPolicy.Entry("user", "request.headers[\"x-user\"]"),
                        new RemoteRateLimitPolicy.Entry("path", "request.path"))),
                new RemoteRateLimitPolicy.Descriptor(
                    List.of(new RemoteRateLimitPolicy.Entry("generic", "\"all\"")))),
            RemoteRateLimitPolicy.FailureMode.FAIL_OPEN,
            Duration.ofSeconds(1)),
        policies(
                """
                policies:
                  remoteRateLimit:
                    host: rls.local:8081
                    domain: api
                    failureMode: FailOpen
                    policies: {http: {requestTimeout: 1s}}
                    descriptors:
                    - entries:
                      - {key: user, value: 'request.headers["x-user"]'}
                      - {key: path, value: request.path}
                    - type: requests
                      entries: [{key: generic, value: '"all"'}]
                backends: [{host: "a:1"}]
                """)
            .remoteRateLimit());
  }

  @Test
  void badRemoteRateLimitNamesTheField() {
    assertEquals(
        List.of(
            new ConfigError(P + "remoteRateLimit.domain", "\"domain\" is required"),
            new ConfigError(
                P + "remoteRateLimit.descriptors[0].type",
                "type tokens is not supported yet (only requests)"),
            new ConfigError(
                P + "remoteRateLimit.descriptors[1].cost", "\"cost\" is not supported yet"),
            new ConfigError(
                P + "remoteRateLimit.descriptors[2].entries[0].value", "\"value\" is required"),
            new ConfigError(
                P + "remoteRateLimit.failureMode",
                "must be one of failClosed, FailClosed, failOpen, FailOpen")),
        errors(
            """
            policies:
              remoteRateLimit:
                host: rls.local:8081
                failureMode: open
                descriptors:
                - {type: tokens, entries: [{key: a, value: "1"}]}
                - {cost: "2", entries: [{key: a, value: "1"}]}
                - {entries: [{key: a}]}
            backends: [{host: "a:1"}]
            """));
  }

  @Test
  void absentPoliciesStayNull() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            policies: {timeout: {requestTimeout: 1s}}
            backends: [{host: "a:1"}]
            """);
    assertNull(p.extAuthz());
    assertNull(p.remoteRateLimit());
  }
}
