package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.AccessLogPolicy;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.TcpKeepalive;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TracingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontendPoliciesConfigTest {

  private static GatewayConfig load(String text) throws ConfigException {
    return new LocalConfigLoader(Map.of()).parse(text);
  }

  private static List<ConfigError> errors(String text) {
    return assertThrows(ConfigException.class, () -> load(text)).errors();
  }

  @Test
  void accessLogTracingAndTcpBecomeOneFrontendPolicyForEveryGateway() throws Exception {
    GatewayConfig c =
        load(
            """
            frontendPolicies:
              accessLog:
                filter: 'response.code >= 400'
                add: {user: 'request.headers["x-user"]'}
                remove: [http.host]
              tracing:
                host: collector:4318
                protocol: http
                path: /otel/v1/traces
                randomSampling: 0.25
                clientSampling: false
                attributes: {team: '"a"'}
                remove: [endpoint]
              tcp:
                keepalives: {time: 30s, retries: 4}
              http:
                http2WindowSize: 1048576
                http2FrameSize: 32768
            binds:
            - port: 3000
              listeners:
              - routes:
                - backends: [{host: 127.0.0.1:8080}]
            """);
    assertEquals(1, c.policies().size());
    Policy p = c.policies().getFirst();
    assertEquals(new PolicyTarget(PolicyTarget.Kind.GATEWAY, "", null), p.target());
    assertEquals(
        new FrontendPolicies(
            null,
            new TcpKeepalive(Duration.ofSeconds(30), Duration.ofMinutes(3), 4),
            null,
            new AccessLogPolicy(
                "response.code >= 400",
                new TelemetryFields(
                    Map.of("user", "request.headers[\"x-user\"]"), List.of("http.host"))),
            new TracingConfig(
                "http://collector:4318",
                TracingConfig.Protocol.HTTP,
                Map.of(),
                "/otel/v1/traces",
                "0.25",
                "false",
                new TelemetryFields(Map.of("team", "\"a\""), List.of("endpoint")))),
        p.frontend());
    assertEquals(1048576, c.frontendHttp().http2WindowSize());
    assertEquals(32768, c.frontendHttp().http2FrameSize());
  }

  @Test
  void disabledKeepalivesAndNoPartsGiveNoPolicy() throws Exception {
    GatewayConfig c =
        load(
            """
            frontendPolicies:
              tcp: {keepalives: {enabled: false}}
            binds: []
            """);
    assertEquals(List.of(), c.policies());
    assertNull(load("binds: []\n").policies().stream().findFirst().orElse(null));
  }

  @Test
  void unsupportedPartsAreRefusedByName() {
    assertEquals(
        List.of(
            new ConfigError("frontendPolicies.accessLog.otlp", "\"otlp\" is not supported yet"),
            new ConfigError(
                "frontendPolicies.tracing.resources", "\"resources\" is not supported yet"),
            new ConfigError(
                "frontendPolicies.http.http2FrameSize", "must be between 16384 and 16777215")),
        errors(
            """
            frontendPolicies:
              accessLog: {otlp: {}}
              tracing: {host: c:4317, resources: {a: '"b"'}}
              http: {http2FrameSize: 100}
            """));
  }
}
