package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TracingConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code config.tracing}, {@code config.logging.filter/fields} and the OTLP variables. */
class TelemetryConfigTest {

  private static StaticConfig load(String text, Map<String, String> env) throws ConfigException {
    return new LocalConfigLoader(env).parse(text).config();
  }

  private static List<ConfigError> errors(String text, Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> load(text, env)).errors();
  }

  @Test
  void readsTracingWithUpstreamsNames() throws ConfigException {
    TracingConfig t =
        load(
                """
                config:
                  tracing:
                    otlpEndpoint: http://collector:4318
                    otlpProtocol: http
                    path: /otlp/v1/traces
                    headers: {x-api-key: k}
                    randomSampling: 0.25
                    clientSampling: 'request.headers["x-trace"] == "yes"'
                    fields:
                      add: {tenant: 'request.headers["x-tenant"]'}
                      remove: [url.path]
                """,
                Map.of())
            .tracing();
    assertEquals("http://collector:4318", t.otlpEndpoint());
    assertEquals(TracingConfig.Protocol.HTTP, t.otlpProtocol());
    assertEquals("/otlp/v1/traces", t.path());
    assertEquals(Map.of("x-api-key", "k"), t.headers());
    assertEquals("0.25", t.randomSampling());
    assertEquals("request.headers[\"x-trace\"] == \"yes\"", t.clientSampling());
    assertEquals(
        new TelemetryFields(Map.of("tenant", "request.headers[\"x-tenant\"]"), List.of("url.path")),
        t.fields());
  }

  @Test
  void tracingDefaultsAreGrpcNoRandomSamplingAndClientSamplingOn() throws ConfigException {
    TracingConfig t =
        load("config: {tracing: {otlpEndpoint: 'http://c:4317'}}", Map.of()).tracing();
    assertEquals(TracingConfig.Protocol.GRPC, t.otlpProtocol());
    assertEquals("/v1/traces", t.path());
    assertEquals("false", t.randomSampling());
    assertEquals("true", t.clientSampling());
    assertNull(StaticConfig.DEFAULT.tracing(), "off unless configured");
  }

  @Test
  void badTracingIsReportedByField() {
    assertEquals(
        List.of(
            new ConfigError("config.tracing.otlpEndpoint", "\"otlpEndpoint\" is required"),
            new ConfigError("config.tracing.otlpProtocol", "must be one of grpc, http"),
            new ConfigError("config.tracing.path", "must start with /")),
        errors("config: {tracing: {otlpProtocol: udp, path: traces}}", Map.of()));
    assertEquals(
        List.of(
            new ConfigError(
                "config.tracing.otlpEndpoint", "otlpEndpoint must be an http:// or https:// URL")),
        errors("config: {tracing: {otlpEndpoint: 'collector:4317'}}", Map.of()));
  }

  @Test
  void readsTheAccessLogFilterAndFields() throws ConfigException {
    LoggingConfig logging =
        load(
                """
                config:
                  logging:
                    level: debug
                    filter: 'response.code >= 400'
                    fields:
                      add: {agent: 'request.headers["user-agent"]'}
                      remove: [http.host]
                """,
                Map.of("RUST_LOG", "warn"))
            .logging();
    assertEquals("warn", logging.level(), "the environment still wins for the level");
    assertEquals("response.code >= 400", logging.filter());
    assertEquals(Map.of("agent", "request.headers[\"user-agent\"]"), logging.fields().add());
    assertEquals(List.of("http.host"), logging.fields().remove());
  }

  @Test
  void otlpVariablesTurnTracingOnAndOverrideTheFile() throws ConfigException {
    TracingConfig fromEnv =
        load(
                "",
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318",
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                    "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr3t,team=a"))
            .tracing();
    assertEquals("http://otel:4318", fromEnv.otlpEndpoint());
    assertEquals(TracingConfig.Protocol.HTTP, fromEnv.otlpProtocol());
    assertEquals(Map.of("api-key", "s3cr3t", "team", "a"), fromEnv.headers());

    TracingConfig overridden =
        load(
                "config: {tracing: {otlpEndpoint: 'http://file:4317', randomSampling: true}}",
                Map.of("OTLP_ENDPOINT", "http://env:4317"))
            .tracing();
    assertEquals("http://env:4317", overridden.otlpEndpoint());
    assertEquals("true", overridden.randomSampling(), "the file's other settings stay");

    assertEquals(
        List.of(
            new ConfigError(
                "env.OTEL_EXPORTER_OTLP_PROTOCOL", "must be one of grpc, http/protobuf")),
        errors(
            "",
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "udp")));
  }

  @Test
  void configDumpShowsCollectorHeaderNamesOnly() throws ConfigException {
    String json =
        ConfigJson.render(
            new LocalConfigLoader(Map.of())
                .parse(
                    "config: {tracing: {otlpEndpoint: 'http://c:4317', headers: {api-key: s3cr3t}}}"));
    assertTrue(json.contains("\"api-key\" : \"<redacted>\""), json);
    assertFalse(json.contains("s3cr3t"), json);
  }
}
