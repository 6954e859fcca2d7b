package dev.agentgateway.proxy.http.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A reusable read buffer over a socket: lines for heads, bulk reads for bodies. */
final class Input {
  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int lim;

  Input(InputStream in, int size) {
    this.in = in;
    this.buf = new byte[size];
  }

  /** True when bytes past the last response are already buffered. */
  boolean hasBuffered() {
    return pos < lim;
  }

  /**
   * Reads up to {@code len} bytes: from the buffer, or straight from the socket when the buffer is
   * empty and the read is large. Returns -1 at end of stream.
   */
  int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == lim) {
      if (len >= buf.length) {
        return in.read(b, off, len);
      }
      if (fill() < 0) {
        return -1;
      }
    }
    int n = Math.min(len, lim - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** Skips up to {@code len} bytes; -1 at end of stream. */
  int skip(int len) throws IOException {
    if (pos == lim && fill() < 0) {
      return -1;
    }
    int n = Math.min(len, lim - pos);
    pos += n;
    return n;
  }

  private int fill() throws IOException {
    pos = 0;
    lim = 0;
    int n = in.read(buf, 0, buf.length);
    if (n > 0) {
      lim = n;
    }
    return n;
  }

  /**
   * Reads one line ending in LF (a preceding CR is dropped) as ISO-8859-1 text.
   *
   * @param budget how many bytes the line may take, terminator included
   * @return the line, or {@code null} at end of stream before any byte of it
   * @throws HeadTooLargeException when the line does not end within {@code budget}
   * @throws java.io.EOFException when the stream ends inside the line
   */
  String line(Budget budget) throws IOException {
    StringBuilder spill = null;
    while (true) {
      if (pos == lim && fill() < 0) {
        if (spill == null) {
          return null;
        }
        throw new java.io.EOFException("upstream closed the connection inside a response head");
      }
      int end = -1;
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          end = i;
          break;
        }
      }
      int take = (end < 0 ? lim : end + 1) - pos;
      budget.spend(take);
      if (end >= 0) {
        int textEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
        String part = new String(buf, pos, textEnd - pos, StandardCharsets.ISO_8859_1);
        pos = end + 1;
        if (spill == null) {
          return part;
        }
        spill.append(part);
        int last = spill.length() - 1;
        if (textEnd == end && last >= 0 && spill.charAt(last) == '\r') {
          // CR was the last byte of the previous buffer.
          spill.setLength(last);
        }
        return spill.toString();
      }
      if (spill == null) {
        spill = new StringBuilder(64);
      }
      spill.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
      pos = lim;
    }
  }

  /** How many head bytes may still be read. */
  static final class Budget {
    private final int max;
    private int left;

    Budget(int max) {
      this.max = max;
      this.left = max;
    }

    void spend(int bytes) throws HeadTooLargeException {
      left -= bytes;
      if (left < 0) {
        throw new HeadTooLargeException(max);
      }
    }

    /** True when no byte was read against this budget yet. */
    boolean untouched() {
      return left == max;
    }
  }
}
