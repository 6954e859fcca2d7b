package dev.agentgateway.proxy.policy.transform;

import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code transformations}, {@code buffer}, CEL {@code retry} and {@code
 * directResponse.bodyExpression} policies, from a standalone config through the real proxy.
 */
@Timeout(60)
class TransformationsIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private WebServer upstream;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() throws Exception {
    upstream = ShellTesting.upstream(r -> r.any(this::upstreamAnswer));
    port = ShellTesting.freePort();
    String backend = "      backends: [{host: 127.0.0.1:" + upstream.port() + "}]\n";
    proxy =
        ShellTesting.start(
            parse(
                ShellTesting.LOOPBACK_ADMIN
                    + """
                    binds:
                    - port: %d
                      listeners:
                      - protocol: HTTP
                        routes:
                        - name: headers
                          matches: [{path: {pathPrefix: /headers}}]
                          policies:
                            transformations:
                              request:
                                add: {x-path: request.path}
                                set:
                                  x-user: 'request.headers["x-user"] + "-seen"'
                                  x-mod: '"from-cel"'
                                  x-missing: 'request.headers["x-absent"]'
                                remove: [x-secret]
                            requestHeaderModifier:
                              set: {x-mod: from-modifier}
                    """
                        .formatted(port)
                    + backend
                    + """
                        - name: body
                          matches: [{path: {pathPrefix: /body}}]
                          policies:
                            transformations:
                              request:
                                set: {x-length: 'string(size(request.body))'}
                                body: '"wrapped(" + request.body + ")"'
                              response:
                                set: {x-upstream-status: 'string(response.code)'}
                                body: 'response.body + "!"'
                    """
                    + backend
                    + """
                        - name: buffered
                          matches: [{path: {pathPrefix: /buffered}}]
                          policies:
                            buffer:
                              request: {maxBytes: 16}
                    """
                    + backend
                    + """
                        - name: response-headers
                          matches: [{path: {pathPrefix: /tagged}}]
                          policies:
                            transformations:
                              response:
                                set: {x-route: '"tagged " + request.path'}
                                remove: [x-internal]
                    """
                    + backend
                    + """
                        - name: small-response
                          matches: [{path: {pathPrefix: /small}}]
                          policies:
                            buffer:
                              response: {maxBytes: 8}
                    """
                    + backend
                    + """
                        - name: direct
                          matches: [{path: {pathPrefix: /direct}}]
                          policies:
                            directResponse:
                              status: 200
                              bodyExpression: '"you asked for " + request.path'
                        - name: retry
                          matches: [{path: {pathPrefix: /retry}}]
                          policies:
                            retry:
                              attempts: 3
                              codes: []
                              condition: 'response.headers["x-retry"] == "yes"'
                    """
                    + backend
                    + """
                        - name: pre
                          matches: [{path: {pathPrefix: /pre}}]
                          policies:
                            retry:
                              attempts: 3
                              codes: [503]
                              precondition: 'request.method == "GET"'
                    """
                    + backend
                    + """
                        - name: plain
                    """
                    + backend),
            null);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.stop();
    }
  }

  /**
   * Echoes the request's headers ({@code name: value} lines, sorted) and body; {@code
   * /retry/tagged} tags its first answer {@code x-retry: yes}; {@code /pre} always answers 503.
   */
  private void upstreamAnswer(ServerRequest req, ServerResponse res) {
    String path = req.path().path();
    int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String body = req.content().hasEntity() ? req.content().as(String.class) : "";
    if (path.equals("/retry/tagged") && hit == 1) {
      res.header("x-retry", "yes").send("tagged");
      return;
    }
    if (path.startsWith("/retry")) {
      res.send("try " + hit);
      return;
    }
    if (path.equals("/tagged")) {
      res.header("x-internal", "hidden").send("streamed as is");
      return;
    }
    if (path.equals("/pre")) {
      res.status(503).send("busy");
      return;
    }
    Map<String, String> headers = new TreeMap<>();
    req.headers().forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), h.get()));
    StringBuilder out = new StringBuilder();
    headers.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    res.send(out.append("body=").append(body).toString());
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Test
  void requestHeadersAreAddedSetAndRemovedFromCelBeforeTheHeaderModifier() throws Exception {
    HttpResponse<String> res =
        send("GET", "/headers/a", null, "x-user", "alice", "x-secret", "s3cret");
    assertEquals(200, res.statusCode());
    String seen = res.body();
    assertTrue(seen.contains("x-path: /headers/a\n"), seen);
    assertTrue(seen.contains("x-user: alice-seen\n"), seen);
    assertTrue(seen.contains("x-mod: from-modifier\n"), seen);
    assertFalse(seen.contains("x-secret"), seen);
    assertFalse(seen.contains("x-missing"), "a header whose expression fails is left out: " + seen);
  }

  @Test
  void requestAndResponseBodiesAreRewrittenFromCel() throws Exception {
    HttpResponse<String> res = send("POST", "/body", "hello");
    assertEquals(200, res.statusCode());
    assertEquals("200", res.headers().firstValue("x-upstream-status").orElse(""));
    String seen = res.body();
    assertTrue(seen.contains("x-length: 5\n"), seen);
    assertTrue(seen.contains("content-length: 14\n"), "the new body's length: " + seen);
    assertTrue(seen.endsWith("body=wrapped(hello)!"), seen);
    assertEquals(
        String.valueOf(seen.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
        res.headers().firstValue("content-length").orElse(""));
  }

  @Test
  void aBodyOverTheBufferLimitIsRefusedWith413() throws Exception {
    assertEquals(200, send("POST", "/buffered", "small").statusCode());
    HttpResponse<String> big = send("POST", "/buffered", "x".repeat(17));
    assertEquals(413, big.statusCode());
    assertEquals("request body too large", big.body());
    assertEquals(1, hits("/buffered"), "the refused body never reached the upstream");
  }

  @Test
  void responseHeadersAloneChangeWhileTheBodyStreamsThrough() throws Exception {
    HttpResponse<String> res = send("GET", "/tagged", null);
    assertEquals(200, res.statusCode());
    assertEquals("tagged /tagged", res.headers().firstValue("x-route").orElse(""));
    assertFalse(res.headers().firstValue("x-internal").isPresent());
    assertEquals("streamed as is", res.body());
  }

  @Test
  void aResponseOverTheBufferLimitIsRefusedWith502() throws Exception {
    HttpResponse<String> res = send("GET", "/small", null);
    assertEquals(502, res.statusCode());
    assertEquals("response body too large", res.body());
  }

  @Test
  void aDirectResponseBodyIsComputedPerRequest() throws Exception {
    HttpResponse<String> res = send("GET", "/direct/x", null);
    assertEquals(200, res.statusCode());
    assertEquals("you asked for /direct/x", res.body());
  }

  @Test
  void aResponseMatchingTheRetryConditionIsRetriedAndCounted() throws Exception {
    HttpResponse<String> tagged = send("GET", "/retry/tagged", null);
    assertEquals("try 2", tagged.body());
    assertEquals(2, hits("/retry/tagged"));
    HttpResponse<String> plain = send("GET", "/retry/plain", null);
    assertEquals("try 1", plain.body());
    assertEquals(1, hits("/retry/plain"), "an untagged answer is not retried");

    String stats = "http://127.0.0.1:" + proxy.port("stats") + "/metrics";
    String series =
        "agentgateway_retries_total{bind=\"bind/"
            + port
            + "\",route=\"retry\",backend=\"127.0.0.1:"
            + upstream.port()
            + "\"} 1\n";
    assertTrue(
        eventually(Duration.ofSeconds(5), () -> ShellTesting.bodyOrError(stats).contains(series)),
        ShellTesting.bodyOrError(stats));
  }

  @Test
  void aRequestFailingTheRetryPreconditionIsTriedOnce() throws Exception {
    assertEquals(503, send("POST", "/pre", "data").statusCode());
    assertEquals(1, hits("/pre"));
    assertEquals(503, send("GET", "/pre", null).statusCode());
    assertEquals(4, hits("/pre"), "a GET passes the precondition and is tried three times");
  }

  @Test
  void aRouteWithoutTransformationsIsForwardedUnchanged() throws Exception {
    HttpResponse<String> res = send("POST", "/plain", "as is", "x-secret", "kept");
    assertTrue(res.body().contains("x-secret: kept\n"), res.body());
    assertTrue(res.body().endsWith("body=as is"), res.body());
  }

  @Test
  void aBadExpressionIsAConfigErrorNamingItsField() {
    String yaml =
        ShellTesting.LOOPBACK_ADMIN
            + """
            binds:
            - port: %d
              listeners:
              - routes:
                - name: bad
                  policies:
                    transformations:
                      request:
                        set: {x-a: 'request.path +'}
                    retry: {attempts: 2, codes: [], condition: '1 + 2'}
                  backends: [{host: 127.0.0.1:1}]
            """
                .formatted(ShellTesting.freePort());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShellTesting.start(parse(yaml), null));
    assertTrue(e.getMessage().contains("policies.transformations.request.set.x-a"), e.getMessage());
    assertTrue(e.getMessage().contains("policies.retry.condition"), e.getMessage());
  }
}
