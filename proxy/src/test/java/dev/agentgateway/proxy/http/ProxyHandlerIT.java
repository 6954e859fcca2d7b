package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.UrlRewrite;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plain HTTP/1.1 forwarding through a real proxy socket to real upstream sockets. */
class ProxyHandlerIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Upstream upstream;

  @BeforeAll
  static void startUpstream() {
    upstream =
        Upstream.start(
            r ->
                r.get(
                        "/api/*",
                        (req, res) -> {
                          res.status(Status.CREATED_201);
                          res.header("X-Up", "1");
                          res.send("items");
                        })
                    .post(
                        "/echo",
                        (req, res) -> {
                          // Helidon refuses to read an entity that is not there (length 0).
                          byte[] body =
                              req.content().hasEntity()
                                  ? req.content().as(byte[].class)
                                  : new byte[0];
                          res.header(
                              "X-Length",
                              req.headers().first(HeaderNames.CONTENT_LENGTH).orElse("none"));
                          res.header(
                              "X-Encoding",
                              req.headers().first(HeaderNames.TRANSFER_ENCODING).orElse("none"));
                          res.send(body);
                        })
                    .post(
                        "/chunks",
                        (req, res) -> {
                          byte[] body = req.content().as(byte[].class);
                          res.header(
                              "X-Encoding",
                              req.headers().first(HeaderNames.TRANSFER_ENCODING).orElse("none"));
                          try (OutputStream out = res.outputStream()) {
                            out.write(body, 0, 3);
                            out.flush();
                            out.write(body, 3, body.length - 3);
                          }
                        })
                    .get(
                        "/host",
                        (req, res) -> res.send(req.headers().get(HeaderNames.HOST).get())));
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void getPassesStatusHeadersBodyAndRawTarget() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("api", "/", null, local(upstream.port())))) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/api/a%20b?x=1%202&y=a+b&z&k=2&k=1")))
                  .header("X-Client", "c1")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(201, response.statusCode());
      assertEquals("items", response.body());
      assertEquals("1", response.headers().firstValue("X-Up").orElseThrow());
      Upstream.Seen seen = upstream.last();
      assertEquals("/api/a%20b?x=1%202&y=a+b&z&k=2&k=1", seen.target());
      assertEquals("c1", seen.header("x-client"));
      assertEquals("127.0.0.1:" + upstream.port(), seen.header("host"));
      assertEquals("127.0.0.1", seen.header("x-forwarded-for"));
      assertEquals("http", seen.header("x-forwarded-proto"));
      assertEquals("127.0.0.1:" + proxy.port(), seen.header("x-forwarded-host"));
      assertTrue(
          seen.header("user-agent").startsWith("Java-http-client"), seen.header("user-agent"));
      assertNull(seen.header("expect"));
    }
  }

  @Test
  void noUserAgentIsAddedWhenTheClientSentNone() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("api", "/", null, local(upstream.port())))) {
      String response =
          RawHttp.exchange(
              proxy.port(),
              "GET /api/x HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 201"), response);
      assertNull(upstream.last().header("user-agent"));
      assertNull(upstream.last().header("proxy-connection"));
    }
  }

  @Test
  void bodylessGetGetsNoContentLengthButEmptyPostGetsZero() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("api", "/", null, local(upstream.port())))) {
      RawHttp.exchange(
          proxy.port(), "GET /api/x HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n");
      assertNull(upstream.last().header("content-length"));
      assertNull(upstream.last().header("transfer-encoding"));

      HttpResponse<String> response = ProxyFixture.post(CLIENT, proxy.url("/echo"), "");
      assertEquals(200, response.statusCode(), response.body() + " " + response.headers().map());
      assertEquals("0", response.headers().firstValue("X-Length").orElseThrow());
      assertEquals("none", response.headers().firstValue("X-Encoding").orElseThrow());
    }
  }

  @Test
  void postBodyKeepsContentLength() throws Exception {
    try (ProxyFixture proxy =
        ProxyFixture.start(route("echo", "/", null, local(upstream.port())))) {
      HttpResponse<String> response = ProxyFixture.post(CLIENT, proxy.url("/echo"), "hello proxy");

      assertEquals(200, response.statusCode());
      assertEquals("hello proxy", response.body());
      assertEquals("11", response.headers().firstValue("X-Length").orElseThrow());
      assertEquals("none", response.headers().firstValue("X-Encoding").orElseThrow());
      RequestLog log = proxy.nextLog();
      assertEquals(11, log.bytesIn());
      assertEquals(11, log.bytesOut());
    }
  }

  @Test
  void chunkedRequestAndResponseStayChunked() throws Exception {
    try (ProxyFixture proxy =
        ProxyFixture.start(route("chunks", "/", null, local(upstream.port())))) {
      String response =
          RawHttp.exchange(
              proxy.port(),
              "POST /chunks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

      String head = RawHttp.headerBlock(response);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(head.contains("transfer-encoding: chunked"), head);
      assertTrue(head.contains("x-encoding: chunked"), "upstream saw a chunked request: " + head);
      assertFalse(head.contains("content-length"), head);
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertTrue(body.contains("hel") && body.contains("lo world"), body);
    }
  }

  @Test
  void hopByHopRequestHeadersAreStripped() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("api", "/", null, local(upstream.port())))) {
      String response =
          RawHttp.exchange(
              proxy.port(),
              "GET /api/x HTTP/1.1\r\nHost: x\r\nConnection: close, X-Hop\r\nX-Hop: secret\r\n"
                  + "Keep-Alive: timeout=5\r\nProxy-Authorization: Basic eDp5\r\nTE: gzip\r\n"
                  + "Proxy-Connection: keep-alive\r\nX-End: kept\r\n\r\n");

      assertTrue(response.startsWith("HTTP/1.1 201"), response);
      Upstream.Seen seen = upstream.last();
      assertNull(seen.header("x-hop"));
      assertNull(seen.header("keep-alive"));
      assertNull(seen.header("proxy-authorization"));
      assertNull(seen.header("te"));
      assertNull(seen.header("proxy-connection"));
      assertEquals("kept", seen.header("x-end"));
    }
  }

  @Test
  void hopByHopResponseHeadersAreStripped() throws Exception {
    try (RawHttp.OneShotServer raw =
            new RawHttp.OneShotServer(
                (socket, out) ->
                    out.write(
                        ("HTTP/1.1 200 OK\r\nConnection: X-Up-Hop\r\nX-Up-Hop: s\r\nKeep-Alive: timeout=5\r\n"
                                + "Proxy-Authenticate: Basic\r\nTrailer: X-T\r\nUpgrade: foo\r\n"
                                + "X-Keep: yes\r\nContent-Length: 2\r\n\r\nok")
                            .getBytes(StandardCharsets.ISO_8859_1)));
        ProxyFixture proxy = ProxyFixture.start(route("raw", "/", null, local(raw.port())))) {
      String response =
          RawHttp.exchange(proxy.port(), "GET /r HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      String head = RawHttp.headerBlock(response);
      assertTrue(response.startsWith("HTTP/1.1 200") && response.endsWith("ok"), response);
      assertTrue(head.contains("x-keep: yes"), head);
      for (String hop :
          new String[] {"x-up-hop", "keep-alive", "proxy-authenticate", "trailer", "upgrade"}) {
        assertFalse(head.contains(hop + ":"), hop + " leaked: " + head);
      }
    }
  }

  @Test
  void hostIsTheBackendsUnlessRewriteKeepsTheClients() throws Exception {
    RoutePolicies keepHost = TestConfigs.only(new UrlRewrite(new AuthorityRewrite.None(), null));
    try (ProxyFixture proxy =
        ProxyFixture.start(
            route("keep", "/host-keep", keepHost, local(upstream.port())),
            route("default", "/", null, local(upstream.port())))) {
      assertEquals("127.0.0.1:" + upstream.port(), get(proxy.url("/host")).body());
      get(proxy.url("/host-keep"));
      assertEquals("127.0.0.1:" + proxy.port(), upstream.last().header("host"));
    }
  }

  @Test
  void http2ClientIsForwardedOverHttp11() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    try (ProxyFixture proxy =
        ProxyFixture.start(route("echo", "/", null, local(upstream.port())))) {
      // java.net.http upgrades (h2c) on a body-less request; the POST then runs on HTTP/2.
      assertEquals(
          201,
          h2.send(
                  HttpRequest.newBuilder(URI.create(proxy.url("/api/x"))).build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode());
      HttpResponse<String> response = ProxyFixture.post(h2, proxy.url("/echo"), "over h2");
      assertEquals("over h2", response.body());
      assertEquals(HttpClient.Version.HTTP_2, response.version());
      assertEquals("1.1", upstream.last().protocol());
      proxy.nextLog();
      assertEquals("HTTP/2.0", proxy.nextLog().protocol());
    }
  }

  @Test
  void unmatchedPathGets404() throws Exception {
    try (ProxyFixture proxy =
        ProxyFixture.start(route("api", "/api", null, local(upstream.port())))) {
      HttpResponse<String> response = get(proxy.url("/other"));
      assertEquals(404, response.statusCode());
      assertEquals("route not found", response.body());
      RequestLog log = proxy.nextLog();
      assertEquals(404, log.status());
      assertEquals("route not found", log.reason());
      assertEquals("", log.route());
    }
  }

  @Test
  void refusedConnectionGets502() throws Exception {
    int closed = ShellTesting.freePort();
    try (ProxyFixture proxy = ProxyFixture.start(route("dead", "/", null, local(closed)))) {
      HttpResponse<String> response = get(proxy.url("/x"));
      assertEquals(502, response.statusCode());
      assertTrue(response.body().startsWith("upstream connect error: "), response.body());
      assertFalse(response.body().contains("\n"), response.body());
      assertEquals(502, proxy.nextLog().status());
    }
  }

  @Test
  void routeWithoutBackendsGets503() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("empty", "/", null))) {
      HttpResponse<String> response = get(proxy.url("/x"));
      assertEquals(503, response.statusCode());
      assertEquals("no backends", response.body());
    }
  }

  @Test
  void everyRequestIsLoggedOnceWithRouteAndBackend() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("api", "/", null, local(upstream.port())))) {
      get(proxy.url("/api/one?q=1"));
      RequestLog log = proxy.nextLog();
      assertEquals("GET", log.method());
      assertEquals("/api/one", log.path());
      assertEquals("HTTP/1.1", log.protocol());
      assertEquals(201, log.status());
      assertEquals("api", log.route());
      assertEquals("127.0.0.1:" + upstream.port(), log.backend());
      assertEquals(5, log.bytesOut());
      assertEquals(0, log.retries());
      assertTrue(log.durationNanos() > 0);
      assertFalse(proxy.connects().isEmpty(), "a new upstream connection is reported");
    }
  }

  @Test
  void drainingResponsesAskToCloseTheConnection() throws Exception {
    try (ProxyFixture proxy = ProxyFixture.start(route("api", "/", null, local(upstream.port())))) {
      proxy.drain().start();
      String response = RawHttp.exchange(proxy.port(), "GET /api/x HTTP/1.1\r\nHost: x\r\n\r\n");
      assertTrue(RawHttp.headerBlock(response).contains("connection: close"), response);
      proxy.nextLog();
      assertEquals(0, proxy.drain().inFlight());
    }
  }
}
