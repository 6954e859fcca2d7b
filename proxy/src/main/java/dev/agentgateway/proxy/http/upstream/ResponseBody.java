package dev.agentgateway.proxy.http.upstream;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly the body of one response: a fixed length, chunked (extensions ignored, trailers kept) or
 * up to the connection's close. When the last byte has been read it hands the connection back.
 */
final class ResponseBody extends InputStream {
  private static final int MAX_CHUNK_LINE = 4096;

  private final Connection connection;
  private final Input in;
  private final boolean chunked;
  private final boolean untilClose;
  private long remaining;
  private boolean done;
  private WritableHeaders<?> trailers;

  private ResponseBody(Connection connection, long length, boolean chunked, boolean untilClose) {
    this.connection = connection;
    this.in = connection.input();
    this.remaining = length;
    this.chunked = chunked;
    this.untilClose = untilClose;
  }

  /** A body of {@code length} bytes (0 for none). */
  static ResponseBody length(Connection connection, long length) {
    ResponseBody body = new ResponseBody(connection, length, false, false);
    if (length == 0) {
      body.finish();
    }
    return body;
  }

  static ResponseBody chunked(Connection connection) {
    return new ResponseBody(connection, 0, true, false);
  }

  static ResponseBody untilClose(Connection connection) {
    return new ResponseBody(connection, Long.MAX_VALUE, false, true);
  }

  /** True once the whole body was read. */
  boolean done() {
    return done;
  }

  /** Trailer fields of a chunked body, empty until it was read to the end. */
  WritableHeaders<?> trailers() {
    return trailers == null ? WritableHeaders.create() : trailers;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    if (chunked && remaining == 0 && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      if (untilClose) {
        done = true;
        connection.close();
        return -1;
      }
      throw new EOFException("upstream closed the connection mid-body");
    }
    remaining -= n;
    if (remaining == 0 && !chunked) {
      finish();
    }
    return n;
  }

  /** Reads the next chunk-size line; false (and finished) at the last chunk. */
  private boolean nextChunk() throws IOException {
    if (trailers != null) {
      // After the first chunk, the CRLF that ends the previous chunk's data.
      expectEmptyLine();
    } else {
      trailers = WritableHeaders.create();
    }
    String line = in.line(new Input.Budget(MAX_CHUNK_LINE));
    if (line == null) {
      throw new EOFException("upstream closed the connection mid-body");
    }
    long size = chunkSize(line);
    if (size > 0) {
      remaining = size;
      return true;
    }
    readTrailers();
    finish();
    return false;
  }

  private void expectEmptyLine() throws IOException {
    String crlf = in.line(new Input.Budget(2));
    if (crlf == null) {
      throw new EOFException("upstream closed the connection mid-body");
    }
    if (!crlf.isEmpty()) {
      throw new UpstreamProtocolException("malformed upstream chunk");
    }
  }

  private void readTrailers() throws IOException {
    Input.Budget budget = new Input.Budget(ResponseHead.MAX_HEAD);
    while (true) {
      String line = in.line(budget);
      if (line == null) {
        throw new EOFException("upstream closed the connection mid-body");
      }
      if (line.isEmpty()) {
        return;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new UpstreamProtocolException("malformed upstream trailer field");
      }
      trailers.add(
          HeaderValues.create(
              HeaderNames.create(line.substring(0, colon)), line.substring(colon + 1).trim()));
    }
  }

  private static long chunkSize(String line) {
    long size = 0;
    int digits = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      int d = Character.digit(c, 16);
      if (d < 0) {
        if (c == ';' || c == ' ' || c == '\t') {
          break; // chunk extensions are ignored
        }
        throw new UpstreamProtocolException("malformed upstream chunk size");
      }
      if (++digits > 15) {
        throw new UpstreamProtocolException("upstream chunk too large");
      }
      size = size * 16 + d;
    }
    if (digits == 0) {
      throw new UpstreamProtocolException("malformed upstream chunk size");
    }
    return size;
  }

  private void finish() {
    done = true;
    connection.responseDone();
  }

  /** Closing before the end discards the connection: its remaining bytes are unknown. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      connection.close();
    }
  }
}
