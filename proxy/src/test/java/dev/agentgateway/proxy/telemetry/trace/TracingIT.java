package dev.agentgateway.proxy.telemetry.trace;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.LogLineFormatter;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TracingIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

  private final List<String> upstreamTraceparents = new CopyOnWriteArrayList<>();
  private final List<String> accessLog = new CopyOnWriteArrayList<>();
  private final Logger requestLogger = Logger.getLogger(AccessLog.LOGGER_NAME);
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          accessLog.add(new LogLineFormatter(LoggingConfig.Format.TEXT).format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private WebServer upstream;
  private OtlpReceiver receiver;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() {
    upstream =
        ShellTesting.upstream(
            r ->
                r.any(
                    (req, res) -> {
                      upstreamTraceparents.add(
                          req.headers()
                              .first(io.helidon.http.HeaderNames.create("traceparent"))
                              .orElse("none"));
                      res.send("ok");
                    }));
    port = freePort();
    requestLogger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    requestLogger.removeHandler(capture);
    if (proxy != null) {
      proxy.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    upstream.stop();
  }

  private void startProxy(String tracing) throws Exception {
    String yaml =
        LOOPBACK_ADMIN
            + "  tracing:\n"
            + tracing.indent(4)
            + """
            binds:
            - port: %d
              listeners:
              - protocol: HTTP
                routes:
                - name: main
                  backends:
                  - host: 127.0.0.1:%d
            """
                .formatted(port, upstream.port());
    proxy = ShellTesting.start(parse(yaml), null);
  }

  private int get(String path, String traceparent) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (traceparent != null) {
      b.header("traceparent", traceparent);
    }
    return ShellTesting.send(b.GET().build()).statusCode();
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static Map<String, String> attributes(Span span) {
    return span.getAttributesList().stream()
        .collect(
            Collectors.toMap(
                KeyValue::getKey,
                kv ->
                    kv.getValue().hasIntValue()
                        ? Long.toString(kv.getValue().getIntValue())
                        : kv.getValue().getStringValue()));
  }

  @Test
  void continuesTheClientsTraceAndTheUpstreamJoinsIt() throws Exception {
    receiver = OtlpReceiver.grpc();
    startProxy("otlpEndpoint: " + receiver.endpoint() + "\n");

    assertEquals(200, get("/hello", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01"));

    assertTrue(eventually(WAIT, () -> !receiver.spans().isEmpty()), "a span reaches the receiver");
    Span span = receiver.spans().getFirst();
    assertEquals(TRACE_ID, hex(span.getTraceId()));
    assertEquals(CLIENT_SPAN_ID, hex(span.getParentSpanId()));
    assertEquals("GET main", span.getName());
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, span.getKind());
    Map<String, String> attributes = attributes(span);
    assertEquals("GET", attributes.get("http.request.method"));
    assertEquals("/hello", attributes.get("url.path"));
    assertEquals("200", attributes.get("http.response.status_code"));
    assertEquals("main", attributes.get("route"));
    assertEquals("127.0.0.1:" + upstream.port(), attributes.get("endpoint"));
    assertTrue(attributes.containsKey("gateway"), attributes.toString());
    assertEquals(List.of("agentgateway"), receiver.serviceNames());
    assertEquals(
        List.of("00-" + TRACE_ID + "-" + hex(span.getSpanId()) + "-01"),
        upstreamTraceparents,
        "the upstream is a child of the gateway's span");
    assertTrue(
        eventually(WAIT, () -> !accessLog.isEmpty())
            && accessLog
                .getFirst()
                .contains("trace.id=" + TRACE_ID + " span.id=" + hex(span.getSpanId())),
        "the access log names the span: " + accessLog);
  }

  @Test
  void startsATraceWhenRandomSamplingSaysSoOverHttp() throws Exception {
    receiver = OtlpReceiver.http();
    startProxy(
        """
        otlpEndpoint: %s
        otlpProtocol: http
        randomSampling: 'request.path == "/sampled"'
        fields:
          add:
            client: 'request.headers["x-client"]'
          remove: [endpoint]
        """
            .formatted(receiver.endpoint()));

    assertEquals(200, get("/not-sampled", null));
    assertEquals(
        200,
        ShellTesting.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sampled"))
                    .header("x-client", "tester")
                    .build())
            .statusCode());

    assertTrue(eventually(WAIT, () -> !receiver.spans().isEmpty()), "a span reaches the receiver");
    // Spans are exported in the order they end: an exported /not-sampled would come first.
    assertEquals(1, receiver.spans().size(), "only the sampled request has a span");
    Span span = receiver.spans().getFirst();
    assertEquals(0, span.getParentSpanId().size(), "a new trace");
    Map<String, String> attributes = attributes(span);
    assertEquals("/sampled", attributes.get("url.path"));
    assertEquals("tester", attributes.get("client"));
    assertTrue(!attributes.containsKey("endpoint"), attributes.toString());
    assertEquals("none", upstreamTraceparents.get(0));
    assertEquals(
        "00-" + hex(span.getTraceId()) + "-" + hex(span.getSpanId()) + "-01",
        upstreamTraceparents.get(1));
  }

  @Test
  void clientSamplingFalseLeavesTheClientsTraceAlone() throws Exception {
    receiver = OtlpReceiver.grpc();
    startProxy(
        """
        otlpEndpoint: %s
        clientSampling: false
        randomSampling: 'request.path == "/marker"'
        """
            .formatted(receiver.endpoint()));
    String clientTrace = "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01";

    assertEquals(200, get("/client", clientTrace));
    assertEquals(200, get("/marker", null));

    assertTrue(eventually(WAIT, () -> !receiver.spans().isEmpty()), "the marker span arrives");
    assertEquals(1, receiver.spans().size(), "no span for the client's trace");
    assertEquals("/marker", attributes(receiver.spans().getFirst()).get("url.path"));
    assertEquals(clientTrace, upstreamTraceparents.get(0), "forwarded unchanged");
  }
}
