package dev.agentgateway.proxy.a2a;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.Backend;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class A2aTapTest {
  private static final AgentCardRewriter CARD =
      AgentCardRewriter.create(
          "http", "gw", "/a/.well-known/agent-card.json", "/.well-known/agent-card.json", Set.of());

  private static WritableHeaders<?> headers(String type, long length) {
    WritableHeaders<?> h = WritableHeaders.create();
    h.set(HeaderValues.create(HeaderNames.CONTENT_TYPE, type));
    if (length >= 0) {
      h.set(HeaderValues.create(HeaderNames.CONTENT_LENGTH, length));
    }
    return h;
  }

  @Test
  void holdsAJsonCardUpToTheLimitAndStreamsAnythingElse() {
    A2aTap tap = new A2aTap(A2aRequests.Kind.AGENT_CARD, CARD, 0);
    assertEquals(A2aTap.MAX_CARD, tap.responseStarted(200, headers("application/json", 900)));
    assertEquals(A2aTap.MAX_CARD, tap.responseStarted(200, headers("application/json", -1)));
    assertEquals(0, tap.responseStarted(200, headers("application/json", A2aTap.MAX_CARD + 1L)));
    assertEquals(0, tap.responseStarted(404, headers("application/json", 10)));
    assertEquals(0, tap.responseStarted(200, headers("text/html", 10)));
    WritableHeaders<?> gzipped = headers("application/json", 10);
    gzipped.set(HeaderValues.create(HeaderNames.CONTENT_ENCODING, "gzip"));
    assertEquals(0, tap.responseStarted(200, gzipped));
  }

  @Test
  void logsTheMethodAndTheOutcomeOfACall() {
    A2aTap tap = new A2aTap(A2aRequests.Kind.CALL, null, 1024);
    byte[] body = "{\"method\":\"message/send\"}".getBytes(StandardCharsets.UTF_8);
    tap.requestBody(body, body.length, true);
    assertEquals(0, tap.responseStarted(200, headers("application/json", -1)));
    byte[] answer = "{\"result\":{\"kind\":\"message\"}}".getBytes(StandardCharsets.UTF_8);
    tap.responseBytes(answer, 0, answer.length);
    assertEquals(
        List.of(
            "a2a.method=message/send", "a2a.result.kind=message", "a2a.response.outcome=success"),
        tap.logFields().stream().map(f -> f.key() + "=" + f.value()).toList());
  }

  @Test
  void takesTheSchemeFromXForwardedProto() {
    assertEquals("https", A2aTap.scheme("HTTPS, http", false));
    assertEquals("http", A2aTap.scheme("http", true));
    assertEquals("https", A2aTap.scheme("", true));
    assertEquals("http", A2aTap.scheme("gopher", false));
  }

  @Test
  void knowsAServiceByItsClusterNames() {
    assertEquals(
        Set.of(
            "agent:8080", "agent.ns:8080", "agent.ns.svc:8080", "agent.ns.svc.cluster.local:8080"),
        A2aTap.authorities(new Backend.Service("ns", "agent", 8080)));
    assertEquals(Set.of("127.0.0.1:9000"), A2aTap.authorities(new Backend.Host("127.0.0.1", 9000)));
  }
}
