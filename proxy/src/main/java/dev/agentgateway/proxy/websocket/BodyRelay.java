package dev.agentgateway.proxy.websocket;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies the body of a backend's non-101 answer to the client unchanged, stopping where the body
 * ends: after {@code Content-Length} bytes, after the last chunk and trailers, or at end of stream.
 * The backend connection may stay open after a framed body, so this must not wait for EOF then.
 */
final class BodyRelay {
  private static final int BUFFER = 16 * 1024;
  private static final int MAX_LINE = 8 * 1024;

  private final byte[] buffer = new byte[BUFFER];
  private long copied;

  /** Copies the body that follows {@code head} and returns the number of bytes relayed. */
  long copy(ResponseHead head, OutputStream out) throws IOException {
    int status = head.status();
    if (status < 200 || status == 204 || status == 304) {
      return 0;
    }
    InputStream in = head.rest();
    if (head.hasToken("transfer-encoding", "chunked")) {
      copyChunked(new BufferedInputStream(in, BUFFER), out);
    } else {
      String length = head.first("content-length");
      if (length != null) {
        copyExactly(in, out, parseLength(length));
      } else {
        copyToEnd(in, out);
      }
    }
    return copied;
  }

  private static long parseLength(String value) throws ResponseHead.BadResponseException {
    try {
      long length = Long.parseLong(value.trim());
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new ResponseHead.BadResponseException("backend sent an invalid Content-Length");
  }

  private void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new ResponseHead.BadResponseException("backend closed the connection mid-body");
      }
      write(out, n);
      left -= n;
    }
  }

  private void copyToEnd(InputStream in, OutputStream out) throws IOException {
    int n;
    while ((n = in.read(buffer)) >= 0) {
      write(out, n);
    }
  }

  /** Chunk sizes are parsed only to find the end; the framing itself is passed on unchanged. */
  private void copyChunked(InputStream in, OutputStream out) throws IOException {
    while (true) {
      String sizeLine = line(in, out);
      long size = chunkSize(sizeLine);
      if (size == 0) {
        while (!line(in, out).isEmpty()) {
          // trailer fields until the empty line
        }
        return;
      }
      copyExactly(in, out, size + 2);
    }
  }

  private static long chunkSize(String line) throws ResponseHead.BadResponseException {
    int semicolon = line.indexOf(';');
    String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
    try {
      long size = Long.parseLong(hex, 16);
      if (size >= 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new ResponseHead.BadResponseException("backend sent an invalid chunk size");
  }

  /** Reads one CRLF-terminated line, copies it with its terminator, returns it without. */
  private String line(InputStream in, OutputStream out) throws IOException {
    int len = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new ResponseHead.BadResponseException("backend closed the connection mid-body");
      }
      if (len == MAX_LINE) {
        throw new ResponseHead.BadResponseException("backend sent an over-long chunk line");
      }
      buffer[len++] = (byte) b;
      if (b == '\n' && len >= 2 && buffer[len - 2] == '\r') {
        write(out, len);
        return new String(buffer, 0, len - 2, StandardCharsets.ISO_8859_1);
      }
    }
  }

  private void write(OutputStream out, int n) throws IOException {
    out.write(buffer, 0, n);
    copied += n;
  }
}
