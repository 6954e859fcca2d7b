package dev.agentgateway.proxy.http.upstream;

import io.helidon.http.Header;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * One HTTP/1.1 connection to an upstream, used by one request at a time. The request head is
 * written into a reused buffer and goes out together with the first body bytes; the response is
 * read through a reused buffer. The connection goes back to its pool only after a keep-alive
 * response was read to the end.
 */
public final class Connection {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};
  private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes();
  private static final int BUFFER = 16 * 1024;

  private final ConnectionPool pool;
  private final ConnectionPool.Key key;
  private final Socket socket;
  private final OutputStream out;
  private final Input in;
  private final byte[] head = new byte[BUFFER];
  private int headLength;
  private boolean reused;
  private boolean keepAlive;
  private boolean closed;
  private long idleSince;

  Connection(ConnectionPool pool, ConnectionPool.Key key, Socket socket) throws IOException {
    this.pool = pool;
    this.key = key;
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new Input(socket.getInputStream(), BUFFER);
  }

  /** True when this connection served an earlier request (it may have been closed since). */
  public boolean reused() {
    return reused;
  }

  Input input() {
    return in;
  }

  ConnectionPool.Key key() {
    return key;
  }

  long idleSince() {
    return idleSince;
  }

  void idle(long nanos) {
    idleSince = nanos;
    reused = true;
  }

  /** True when the peer has sent bytes while idle (a close, or garbage): not reusable. */
  boolean dirty() {
    return closed || in.hasBuffered();
  }

  /**
   * Starts a request; the head is sent with the first body write or on close of the returned
   * stream, which must be closed to finish the request.
   *
   * @param headers end-to-end headers, with {@code Host} and, for a fixed-length body, {@code
   *     Content-Length}
   * @param chunked frame the body as chunked (adds {@code Transfer-Encoding: chunked})
   */
  public OutputStream request(Method method, String target, Headers headers, boolean chunked) {
    headLength = 0;
    put(method.text());
    put(" ");
    put(target);
    put(" HTTP/1.1\r\n");
    for (Header header : headers) {
      String name = header.name();
      if (header.valueCount() == 1) {
        field(name, header.get());
      } else {
        for (String value : header.allValues()) {
          field(name, value);
        }
      }
    }
    if (chunked) {
      put(CHUNKED, 0, CHUNKED.length);
    }
    put(CRLF, 0, 2);
    return new RequestStream(chunked);
  }

  /**
   * Reads the response to the request just sent.
   *
   * @param headRequest the request was HEAD (the response has no body whatever it says)
   */
  public UpstreamResponse response(boolean headRequest) throws IOException {
    ResponseHead parsed = ResponseHead.read(in);
    keepAlive = parsed.keepAlive && parsed.status != 101;
    ResponseBody body;
    int code = parsed.status;
    if (headRequest || code == 204 || code == 304 || code < 200) {
      body = ResponseBody.length(this, 0);
    } else if (parsed.chunked) {
      body = ResponseBody.chunked(this);
    } else if (parsed.contentLength >= 0) {
      body = ResponseBody.length(this, parsed.contentLength);
    } else {
      keepAlive = false;
      body = ResponseBody.untilClose(this);
    }
    return new UpstreamResponse(code, parsed.reason, parsed.headers, body);
  }

  /** The response was read to the end: back to the pool if it was keep-alive. */
  void responseDone() {
    if (keepAlive && !closed) {
      pool.release(this);
    } else {
      close();
    }
  }

  /**
   * Bounds every read on this connection by {@code timeout} (zero for none), so a caller without a
   * watchdog can limit the wait for a response head; a read that times out throws {@link
   * java.net.SocketTimeoutException} and leaves the connection unusable (close it).
   */
  public void readTimeout(Duration timeout) throws IOException {
    long millis = timeout.toMillis();
    if (millis == 0 && !timeout.isZero()) {
      millis = 1; // below a millisecond is still a bound, not "none"
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
  }

  /** Closes the socket; safe to call more than once. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing useful to do: the connection is gone either way.
    }
  }

  private void field(String name, String value) {
    put(name);
    put(": ");
    put(value);
    put(CRLF, 0, 2);
  }

  private void put(String s) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      if (headLength == head.length) {
        spill();
      }
      head[headLength++] = (byte) s.charAt(i);
    }
  }

  private void put(byte[] b, int off, int len) {
    while (len > 0) {
      if (headLength == head.length) {
        spill();
      }
      int n = Math.min(len, head.length - headLength);
      System.arraycopy(b, off, head, headLength, n);
      headLength += n;
      off += n;
      len -= n;
    }
  }

  /** A head larger than the buffer goes out in pieces. */
  private void spill() {
    try {
      flushHead();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void flushHead() throws IOException {
    if (headLength > 0) {
      out.write(head, 0, headLength);
      headLength = 0;
    }
  }

  /** The request body: written through (chunk-framed if asked), with the head in front. */
  private final class RequestStream extends OutputStream {
    private final boolean chunked;
    private boolean finished;

    RequestStream(boolean chunked) {
      this.chunked = chunked;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      if (chunked) {
        put(Long.toHexString(len));
        put(CRLF, 0, 2);
      }
      if (headLength + len + 2 <= head.length) {
        // Small writes join the head (or chunk line) in one packet.
        put(b, off, len);
        if (chunked) {
          put(CRLF, 0, 2);
        }
        flushHead();
      } else {
        flushHead();
        out.write(b, off, len);
        if (chunked) {
          out.write(CRLF);
        }
      }
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (finished) {
        return;
      }
      finished = true;
      if (chunked) {
        put(LAST_CHUNK, 0, LAST_CHUNK.length);
      }
      flushHead();
      out.flush();
    }
  }

  /** The socket, for tests that check its options. */
  Socket socket() {
    return socket;
  }
}
