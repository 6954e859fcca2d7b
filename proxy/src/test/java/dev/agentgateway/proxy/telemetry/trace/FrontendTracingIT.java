package dev.agentgateway.proxy.telemetry.trace;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code frontendPolicies.tracing}: spans go where the policy says, and follow a reload. */
@Timeout(60)
class FrontendTracingIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private WebServer upstream;
  private OtlpReceiver first;
  private OtlpReceiver second;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() {
    upstream = ShellTesting.upstreamSaying("ok");
    port = freePort();
    first = OtlpReceiver.grpc();
    second = OtlpReceiver.http();
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    first.close();
    second.close();
    upstream.stop();
  }

  private String config(String tracing) {
    return LOOPBACK_ADMIN
        + "frontendPolicies:\n  tracing:\n"
        + tracing.indent(4)
        + ShellTesting.oneRoute(port, "main", upstream.port());
  }

  private int get(String path) throws Exception {
    return ShellTesting.get("http://127.0.0.1:" + port + path).statusCode();
  }

  private static Map<String, String> attributes(Span span) {
    return span.getAttributesList().stream()
        .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
  }

  @Test
  void spansFollowTheTracingPolicyAcrossAReload() throws Exception {
    proxy =
        ShellTesting.start(
            parse(
                config(
                    """
                    host: %s
                    randomSampling: true
                    attributes: {team: '"payments"'}
                    remove: [endpoint]
                    """
                        .formatted(first.endpoint().substring("http://".length())))),
            null);

    assertEquals(200, get("/one"));
    assertTrue(eventually(WAIT, () -> !first.spans().isEmpty()), "a span reaches the policy's");
    Map<String, String> attributes = attributes(first.spans().getFirst());
    assertEquals("/one", attributes.get("url.path"));
    assertEquals("payments", attributes.get("team"));
    assertTrue(!attributes.containsKey("endpoint"), attributes.toString());

    assertTrue(
        proxy.reload(
            config(
                """
                host: %s
                protocol: http
                randomSampling: 'request.path == "/two"'
                """
                    .formatted(second.endpoint()))));
    assertEquals(200, get("/skipped"));
    assertEquals(200, get("/two"));
    assertTrue(eventually(WAIT, () -> !second.spans().isEmpty()), "a span reaches the new one");
    assertEquals(1, second.spans().size(), "only the sampled request: " + second.spans());
    assertEquals("/two", attributes(second.spans().getFirst()).get("url.path"));
    assertEquals(1, first.spans().size(), "the old collector gets nothing more");
  }
}
