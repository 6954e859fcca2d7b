package dev.agentgateway.proxy.telemetry;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AccessLogRulesIT {
  private final List<Map<String, Object>> lines = new CopyOnWriteArrayList<>();
  private final Logger requestLogger = Logger.getLogger(AccessLog.LOGGER_NAME);
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          LogFields fields = LogFields.of(record);
          Map<String, Object> line = new LinkedHashMap<>();
          for (int i = 0; i < fields.size(); i++) {
            line.put(fields.key(i), fields.value(i));
          }
          lines.add(line);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private WebServer upstream;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() {
    upstream = ShellTesting.upstreamSaying("ok");
    port = freePort();
    requestLogger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    requestLogger.removeHandler(capture);
    if (proxy != null) {
      proxy.close();
    }
    upstream.stop();
  }

  private String config(String logging) {
    return LOOPBACK_ADMIN
        + "  logging:\n"
        + logging.indent(4)
        + ShellTesting.oneRoute(port, "main", upstream.port());
  }

  private int get(String path) throws Exception {
    return ShellTesting.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", "tester/1")
                .build())
        .statusCode();
  }

  @Test
  void filterDropsLinesAndFieldsAreAddedAndRemoved() throws Exception {
    proxy =
        ShellTesting.start(
            parse(
                config(
                    """
                    filter: 'request.path != "/quiet"'
                    fields:
                      add:
                        agent: 'request.headers["user-agent"]'
                        ok: 'response.code == 200'
                        missing: 'request.headers["x-absent"]'
                      remove: [http.host, bytes.in]
                    """)),
            null);

    assertEquals(200, get("/quiet"));
    assertEquals(200, get("/loud"));

    assertTrue(eventually(Duration.ofSeconds(10), () -> !lines.isEmpty()), "a line is written");
    assertEquals(1, lines.size(), "the filtered request has no line: " + lines);
    Map<String, Object> line = lines.getFirst();
    assertEquals("/loud", line.get("http.path"));
    assertEquals("tester/1", line.get("agent"));
    assertEquals(true, line.get("ok"));
    assertFalse(line.containsKey("missing"), "a field that does not evaluate is left out");
    assertFalse(line.containsKey("http.host"), line.toString());
    assertFalse(line.containsKey("bytes.in"), line.toString());
    assertEquals(200, line.get("http.status"));
  }

  @Test
  void badExpressionsAreRefusedAtStartNamingTheField() {
    IllegalArgumentException filter =
        assertThrows(
            IllegalArgumentException.class,
            () -> ShellTesting.start(parse(config("filter: 'request.path =='\n")), null));
    assertTrue(filter.getMessage().contains("config.logging.filter"), filter.getMessage());

    IllegalArgumentException added =
        assertThrows(
            IllegalArgumentException.class,
            () -> ShellTesting.start(parse(config("fields:\n  add:\n    who: 'nope.('\n")), null));
    assertTrue(added.getMessage().contains("config.logging.fields.add.who"), added.getMessage());
  }

  @Test
  void badSamplingIsRefusedAtStartNamingTheField() {
    String yaml =
        """
        config:
          adminAddr: 127.0.0.1:0
          statsAddr: 127.0.0.1:0
          readinessAddr: 127.0.0.1:0
          tracing:
            otlpEndpoint: http://127.0.0.1:4317
            randomSampling: 1.5
            clientSampling: 'request.('
        """
            + ShellTesting.oneRoute(port, "main", upstream.port());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShellTesting.start(parse(yaml), null));
    assertTrue(e.getMessage().contains("config.tracing.randomSampling"), e.getMessage());
    assertTrue(e.getMessage().contains("between 0.0 and 1.0"), e.getMessage());
    assertTrue(e.getMessage().contains("config.tracing.clientSampling"), e.getMessage());
  }
}
