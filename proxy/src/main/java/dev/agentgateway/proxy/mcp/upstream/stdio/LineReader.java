package dev.agentgateway.proxy.mcp.upstream.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into {@code \n}-terminated lines (a trailing {@code \r} dropped), keeping at
 * most {@code max} bytes of each so a child that never writes a newline cannot exhaust the heap.
 */
final class LineReader {
  /** One line: its first bytes (at most the reader's maximum) and its full length. */
  record Line(byte[] bytes, long length) {
    /** The line was longer than the maximum; only its start was kept. */
    boolean truncated() {
      return length > bytes.length;
    }
  }

  private final InputStream in;
  private final int max;
  private final byte[] buffer = new byte[8192];
  private int pos;
  private int limit;

  LineReader(InputStream in, int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max line length must be positive, got " + max);
    }
    this.in = in;
    this.max = max;
  }

  /** The next line, or null at the end of the stream. A last line without newline is returned. */
  Line next() throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long length = 0;
    while (true) {
      if (pos == limit) {
        int n = in.read(buffer);
        pos = 0;
        limit = Math.max(n, 0);
        if (n <= 0) {
          return length == 0 ? null : line(kept, length);
        }
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      kept.write(buffer, start, Math.min(n, max - kept.size()));
      length += n;
      if (pos < limit) {
        pos++; // the newline
        return line(kept, length);
      }
    }
  }

  private static Line line(ByteArrayOutputStream kept, long length) {
    byte[] bytes = kept.toByteArray();
    if (length == bytes.length && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      byte[] trimmed = java.util.Arrays.copyOf(bytes, bytes.length - 1);
      return new Line(trimmed, trimmed.length);
    }
    return new Line(bytes, length);
  }
}
