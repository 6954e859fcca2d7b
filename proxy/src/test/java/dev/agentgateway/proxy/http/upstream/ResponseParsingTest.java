package dev.agentgateway.proxy.http.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response head parser and body framing, over a real loopback socket. */
class ResponseParsingTest {
  private ServerSocket server;
  private ConnectionPool pool;
  private Socket peer;

  @BeforeEach
  void open() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    pool = new ConnectionPool(Duration.ofSeconds(2), Duration.ofSeconds(30), 0);
  }

  @AfterEach
  void close() throws IOException {
    pool.close();
    if (peer != null) {
      peer.close();
    }
    server.close();
  }

  /** Sends a GET, lets the peer answer {@code response} bytes, and returns the parsed response. */
  private UpstreamResponse exchange(String response, boolean closeAfter) throws IOException {
    return exchange(response.getBytes(StandardCharsets.ISO_8859_1), closeAfter, Method.GET);
  }

  private UpstreamResponse exchange(byte[] response, boolean closeAfter, Method method)
      throws IOException {
    Connection conn = pool.acquire(new ConnectionPool.Key("127.0.0.1", server.getLocalPort()));
    if (peer == null) {
      peer = server.accept();
    }
    WritableHeaders<?> headers = WritableHeaders.create();
    headers.set(HeaderNames.HOST, "upstream");
    conn.request(method, "/x?y", headers, false).close();
    readHead(peer.getInputStream());
    OutputStream out = peer.getOutputStream();
    out.write(response);
    out.flush();
    if (closeAfter) {
      peer.close();
      peer = null;
    }
    return conn.response(method == Method.HEAD);
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static String body(UpstreamResponse response) throws IOException {
    return new String(response.inputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsContentLengthBodyAndPoolsTheConnection() throws IOException {
    UpstreamResponse response =
        exchange("HTTP/1.1 201 Made\r\nContent-Length: 5\r\nX-A: 1\r\nX-A: 2\r\n\r\nhello", false);
    assertEquals(201, response.code());
    assertEquals("Made", response.status().reasonPhrase());
    assertEquals("1", response.headers().get(HeaderNames.create("x-a")).allValues().get(0));
    assertEquals(2, response.headers().get(HeaderNames.create("X-A")).allValues().size());
    assertEquals("hello", body(response));
    Connection again = pool.acquire(new ConnectionPool.Key("127.0.0.1", server.getLocalPort()));
    assertTrue(again.reused());
  }

  @Test
  void readsChunkedBodyWithExtensionsAndTrailers() throws IOException {
    UpstreamResponse response =
        exchange(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n"
                + "1 ; ext\r\n \r\n"
                + "A\r\n0123456789\r\n"
                + "0\r\nX-Checksum: abc\r\nX-Other:  d \r\n\r\n",
            false);
    assertEquals("hello 0123456789", body(response));
    assertEquals("abc", response.trailers().get(HeaderNames.create("X-Checksum")).get());
    assertEquals("d", response.trailers().get(HeaderNames.create("X-Other")).get());
    assertTrue(pool.acquire(new ConnectionPool.Key("127.0.0.1", server.getLocalPort())).reused());
  }

  @Test
  void readsCloseDelimitedBodyAndDoesNotPool() throws IOException {
    UpstreamResponse response = exchange("HTTP/1.1 200 OK\r\nX: y\r\n\r\nuntil the end", true);
    assertEquals("until the end", body(response));
    assertFalse(pool.acquire(new ConnectionPool.Key("127.0.0.1", server.getLocalPort())).reused());
  }

  @Test
  void skipsInterimResponses() throws IOException {
    UpstreamResponse response =
        exchange(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
            false);
    assertEquals(200, response.code());
    assertFalse(response.headers().contains(HeaderNames.LINK));
    assertEquals("ok", body(response));
  }

  @Test
  void headAnd204And304HaveNoBody() throws IOException {
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".getBytes();
    UpstreamResponse response = exchange(head, false, Method.HEAD);
    assertEquals(-1, response.inputStream().read());
    UpstreamResponse noContent = exchange("HTTP/1.1 204 No Content\r\n\r\n", false);
    assertEquals(-1, noContent.inputStream().read());
    UpstreamResponse notModified =
        exchange("HTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\n\r\n", false);
    assertEquals(-1, notModified.inputStream().read());
    // All three reused the one connection: no body bytes were expected on it.
    assertEquals("ok", body(exchange("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false)));
  }

  @Test
  void rejectsOversizedHead() {
    String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(70 * 1024) + "\r\n\r\n";
    UpstreamProtocolException e =
        assertThrows(HeadTooLargeException.class, () -> exchange(huge, false));
    assertEquals("upstream response head larger than 65536 bytes", e.getMessage());
  }

  @Test
  void rejectsMalformedStatusLine() {
    for (String line :
        new String[] {"HTTP/2 200 OK", "HTTP/1.1 2x0 OK", "ICY 200 OK", "HTTP/1.1"}) {
      UpstreamProtocolException e =
          assertThrows(
              UpstreamProtocolException.class,
              () -> exchange(line + "\r\nContent-Length: 0\r\n\r\n", true),
              line);
      assertEquals("malformed upstream status line", e.getMessage());
    }
  }

  @Test
  void rejectsMalformedChunkSize() throws IOException {
    UpstreamResponse response =
        exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", true);
    assertThrows(UpstreamProtocolException.class, () -> body(response));
  }

  @Test
  void closeBeforeAnyByteIsStale() throws IOException {
    assertThrows(StaleConnectionException.class, () -> exchange(new byte[0], true, Method.GET));
  }

  @Test
  void bodyCutShortIsAnError() throws IOException {
    UpstreamResponse response = exchange("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true);
    assertThrows(EOFException.class, () -> body(response));
  }

  @Test
  void writesHeadAndChunkedBody() throws IOException {
    Connection conn = pool.acquire(new ConnectionPool.Key("127.0.0.1", server.getLocalPort()));
    peer = server.accept();
    WritableHeaders<?> headers = WritableHeaders.create();
    headers.set(HeaderNames.HOST, "upstream");
    headers.add(HeaderNames.create("X-Multi"), "a", "b");
    OutputStream body = conn.request(Method.POST, "/p%20q?b=2&a=1", headers, true);
    body.write("hello".getBytes());
    body.write(new byte[0]);
    body.write(new byte[20_000]);
    body.close();
    InputStream in = peer.getInputStream();
    assertEquals(
        "POST /p%20q?b=2&a=1 HTTP/1.1\r\nHost: upstream\r\nX-Multi: a\r\nX-Multi: b\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n",
        readHead(in));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write("5\r\nhello\r\n4e20\r\n".getBytes());
    expected.write(new byte[20_000]);
    expected.write("\r\n0\r\n\r\n".getBytes());
    assertArrayEquals(expected.toByteArray(), in.readNBytes(expected.size()));
  }

  @Test
  void multiLineHeadSpanningBuffersIsParsed() throws IOException {
    String value = "v".repeat(20 * 1024);
    UpstreamResponse response =
        exchange("HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\nContent-Length: 1\r\n\r\nz", false);
    assertEquals(value, response.headers().get(HeaderNames.create("X-Long")).get());
    assertEquals("z", body(response));
  }
}
