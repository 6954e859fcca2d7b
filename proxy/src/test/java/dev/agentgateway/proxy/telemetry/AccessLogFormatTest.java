package dev.agentgateway.proxy.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.LoggingConfig;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AccessLogFormatTest {
  private static final Instant TIME = Instant.parse("2026-11-28T00:00:00.123456Z");

  private static LogRecord accessRecord(RequestLog log) {
    LogRecord record = new LogRecord(Level.INFO, "");
    record.setLoggerName(AccessLog.LOGGER_NAME);
    record.setInstant(TIME);
    record.setParameters(new Object[] {AccessLog.fields("bind/3000", log)});
    return record;
  }

  private static RequestLog sample(String reason) {
    return new RequestLog(
        "POST",
        "api.example.com",
        "/v1/chat",
        "HTTP/1.1",
        502,
        "chat",
        "10.0.0.1:8080",
        12_345_678,
        42,
        17,
        reason,
        0);
  }

  @Test
  void textLineHasTimeLevelTargetAndFields() {
    String line = new LogLineFormatter(LoggingConfig.Format.TEXT).format(accessRecord(sample("")));
    assertEquals(
        "2026-11-28T00:00:00.123Z  info  request  gateway=bind/3000 route=chat"
            + " endpoint=10.0.0.1:8080 http.method=POST http.host=api.example.com"
            + " http.path=/v1/chat http.version=HTTP/1.1 http.status=502 protocol=http"
            + " duration=12ms bytes.in=42 bytes.out=17\n",
        line);
  }

  @Test
  void textQuotesValuesWithSpacesAndShowsTheError() {
    String line =
        new LogLineFormatter(LoggingConfig.Format.TEXT)
            .format(accessRecord(sample("upstream connect failed")));
    assertTrue(line.endsWith(" error=\"upstream connect failed\"\n"), line);
  }

  @Test
  void theGatewaysOwnAnswersNameTheirReasonBeforeTheError() {
    RequestLog base = sample("jwt: missing bearer token");
    RequestLog denied =
        new RequestLog(
            base.method(),
            base.host(),
            base.path(),
            base.protocol(),
            401,
            base.route(),
            "",
            base.durationNanos(),
            base.bytesIn(),
            base.bytesOut(),
            base.reason(),
            0,
            "http",
            List.of(),
            ResponseReason.JWT_AUTH);
    String line = new LogLineFormatter(LoggingConfig.Format.TEXT).format(accessRecord(denied));
    assertTrue(line.endsWith(" reason=JwtAuth error=\"jwt: missing bearer token\"\n"), line);
  }

  @Test
  void jsonLineHasUpstreamFieldNamesAndTypedNumbers() throws Exception {
    String line =
        new LogLineFormatter(LoggingConfig.Format.JSON)
            .format(accessRecord(sample("upstream timeout")));
    assertEquals(
        "{\"time\":\"2026-11-28T00:00:00.123Z\",\"level\":\"info\",\"target\":\"request\","
            + "\"message\":\"\",\"gateway\":\"bind/3000\",\"route\":\"chat\","
            + "\"endpoint\":\"10.0.0.1:8080\",\"http.method\":\"POST\","
            + "\"http.host\":\"api.example.com\",\"http.path\":\"/v1/chat\","
            + "\"http.version\":\"HTTP/1.1\",\"http.status\":502,\"protocol\":\"http\","
            + "\"duration\":\"12ms\",\"bytes.in\":42,\"bytes.out\":17,"
            + "\"error\":\"upstream timeout\"}\n",
        line);
    JsonNode node = new ObjectMapper().readTree(line);
    assertEquals(502, node.get("http.status").asInt());
  }

  @Test
  void protocolFieldsFollowTheHttpOnesAndPrecedeTheError() {
    RequestLog base = sample("upstream reset mid-body");
    RequestLog a2a =
        new RequestLog(
            base.method(),
            base.host(),
            base.path(),
            base.protocol(),
            base.status(),
            base.route(),
            base.backend(),
            base.durationNanos(),
            base.bytesIn(),
            base.bytesOut(),
            base.reason(),
            base.retries(),
            "a2a",
            List.of(
                new RequestLog.Field("a2a.method", "message/send"),
                new RequestLog.Field("a2a.response.error_code", -32001L)));
    String line = new LogLineFormatter(LoggingConfig.Format.TEXT).format(accessRecord(a2a));
    assertTrue(line.contains(" protocol=a2a "), line);
    assertTrue(
        line.endsWith(
            " bytes.out=17 a2a.method=message/send a2a.response.error_code=-32001"
                + " error=\"upstream reset mid-body\"\n"),
        line);
  }

  @Test
  void emptyRouteAndBackendAreLeftOutAndRetriesShown() {
    RequestLog log =
        new RequestLog("GET", "h", "/", "HTTP/2.0", 404, "", "", 1_000, 0, 0, "no route", 2);
    String line = new LogLineFormatter(LoggingConfig.Format.TEXT).format(accessRecord(log));
    assertFalse(line.contains("route="), line);
    assertFalse(line.contains("endpoint="), line);
    assertTrue(line.contains(" retry.attempt=2 error=\"no route\""), line);
  }

  @Test
  void ordinaryRecordsUseShortTargetsAndEscapeNewlines() throws Exception {
    LogRecord record = new LogRecord(Level.WARNING, "line one\nline two");
    record.setLoggerName("dev.agentgateway.proxy.config.ConfigReloader");
    record.setInstant(TIME);
    assertEquals(
        "2026-11-28T00:00:00.123Z  warn  proxy.config.ConfigReloader  line one\\nline two\n",
        new LogLineFormatter(LoggingConfig.Format.TEXT).format(record));

    record.setLoggerName("io.helidon.webserver.LoomServer");
    JsonNode json =
        new ObjectMapper().readTree(new LogLineFormatter(LoggingConfig.Format.JSON).format(record));
    assertEquals("i.h.w.LoomServer", json.get("target").asText());
    assertEquals("line one\nline two", json.get("message").asText());
    assertEquals("warn", json.get("level").asText());
  }
}
