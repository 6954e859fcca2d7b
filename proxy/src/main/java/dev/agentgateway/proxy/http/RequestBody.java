package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The downstream request body. It streams through by default; when a policy needs to replay it
 * (retries, mirroring) it is read into memory first, but only up to a limit — a larger body streams
 * through and cannot be replayed.
 */
final class RequestBody {
  static final int CHUNK = 32 * 1024;

  private final InputStream in;
  private final long contentLength;
  private byte[] buffered;
  private int bufferedLength;
  private boolean complete;
  private boolean consumed;
  private long bytesRead;

  private RequestBody(InputStream in, long contentLength) {
    this.in = in;
    this.contentLength = contentLength;
  }

  /**
   * Opens the body of {@code req}, buffering up to {@code bufferLimit} bytes when the limit is
   * positive.
   */
  static RequestBody open(ServerRequest req, long bufferLimit) {
    if (!req.content().hasEntity()) {
      RequestBody empty = new RequestBody(null, 0);
      empty.complete = true;
      return empty;
    }
    long length = req.headers().contentLength().orElse(-1);
    RequestBody body = new RequestBody(req.content().inputStream(), length);
    if (bufferLimit > 0) {
      body.buffer(bufferLimit);
    }
    return body;
  }

  /**
   * A body held in memory from the start: a transformation's replacement of the client's.
   *
   * @param bytesRead what was read of the client's body, still reported as received
   */
  static RequestBody of(byte[] bytes, long bytesRead) {
    RequestBody body = new RequestBody(InputStream.nullInputStream(), bytes.length);
    body.bytesRead = bytesRead;
    body.buffered = bytes;
    body.bufferedLength = bytes.length;
    body.complete = true;
    return body;
  }

  /**
   * Opens the body of {@code req} for a policy that inspects its first {@code inspect} bytes
   * (ext_authz), buffering up to {@code bufferLimit} bytes for replay as {@link #open} does. A
   * longer body keeps its first bytes in memory and streams the rest after them.
   */
  static RequestBody open(ServerRequest req, long bufferLimit, int inspect) {
    RequestBody body = open(req, Math.max(bufferLimit, inspect));
    if (body.in != null && !body.complete && body.bufferedLength == 0 && inspect > 0) {
      try {
        body.buffered = body.in.readNBytes(inspect);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      body.bufferedLength = body.buffered.length;
      body.bytesRead = body.bufferedLength;
      body.complete = body.bufferedLength < inspect;
    }
    return body;
  }

  /** The first {@code max} bytes read so far (fewer when the body is shorter). */
  byte[] head(int max) {
    return buffered == null ? new byte[0] : Arrays.copyOf(buffered, Math.min(max, bufferedLength));
  }

  /** True when the body has more than {@code max} bytes (read or still unread). */
  boolean longerThan(int max) {
    return !complete || bufferedLength > max;
  }

  private void buffer(long limit) {
    try {
      if (contentLength >= 0) {
        if (contentLength <= limit) {
          buffered = in.readNBytes((int) contentLength);
          bufferedLength = buffered.length;
          complete = true;
        }
        return;
      }
      // Unknown length: read one byte past the limit to learn whether the body fits.
      int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
      byte[] buf = new byte[Math.min(cap, CHUNK)];
      int length = 0;
      while (length < cap) {
        if (length == buf.length) {
          buf = Arrays.copyOf(buf, Math.min(cap, buf.length * 2));
        }
        int n = in.read(buf, length, buf.length - length);
        if (n < 0) {
          complete = true;
          break;
        }
        length += n;
      }
      buffered = buf;
      bufferedLength = length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      bytesRead = bufferedLength;
    }
  }

  /** True when the request has a body. */
  boolean present() {
    return in != null;
  }

  /** True when the body can be sent again: it is empty, held in memory, or not yet read. */
  boolean replayable() {
    return complete || !consumed;
  }

  /** The whole body when it is held in memory, otherwise {@code null}. */
  byte[] inMemory() {
    if (!complete) {
      return null;
    }
    return buffered == null ? new byte[0] : Arrays.copyOf(buffered, bufferedLength);
  }

  /** Shows {@code tap} what was read before forwarding, if anything was. */
  void showTo(ExchangeTap tap) {
    if (in != null && (bufferedLength > 0 || complete)) {
      tap.requestBody(buffered == null ? new byte[0] : buffered, bufferedLength, complete);
    }
  }

  /** Body bytes read from the client so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** Writes the body to the upstream {@code out}, marking upstream and downstream I/O. */
  void writeTo(OutputStream out, Watchdog watchdog) throws IOException {
    if (in == null) {
      return;
    }
    if (complete) {
      watchdog.upstream();
      out.write(buffered, 0, bufferedLength);
      return;
    }
    if (consumed) {
      throw new IllegalStateException("request body already streamed");
    }
    consumed = true;
    if (bufferedLength > 0) {
      watchdog.upstream();
      out.write(buffered, 0, bufferedLength);
    }
    byte[] chunk =
        new byte[contentLength > 0 ? (int) Math.min(CHUNK, contentLength - bufferedLength) : CHUNK];
    if (chunk.length == 0) {
      return;
    }
    while (true) {
      watchdog.downstream();
      int n = in.read(chunk);
      if (n < 0) {
        return;
      }
      bytesRead += n;
      watchdog.upstream();
      out.write(chunk, 0, n);
    }
  }
}
