package dev.agentgateway.proxy.mcp.upstream.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads server-sent events from a byte stream following the WHATWG HTML "event stream
 * interpretation" rules: lines end with CRLF, LF or CR; a leading BOM is skipped; {@code :} starts
 * a comment; one space after the colon is dropped; {@code data} lines are joined with {@code \n};
 * {@code id} (unless it contains NUL) and {@code retry} (digits only) persist across events; an
 * event without data is not dispatched; an unterminated event at end of stream is dropped.
 *
 * <p>Bounded: the bytes of one event's lines may not exceed {@code maxEventBytes}; comment lines
 * (keep-alives) are skipped without buffering, so they never count. Not thread-safe: one reader per
 * stream, read by one thread.
 */
public final class SseReader {
  private final InputStream in;
  private final int maxEventBytes;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  private boolean eof;

  /** The current line's bytes. */
  private byte[] line = new byte[256];

  private int lineLength;

  /** A CR ended the previous line: a LF right after it belongs to the same line end. */
  private boolean skipLf;

  /** Only the stream's first line may start with a byte order mark. */
  private boolean firstLine = true;

  private boolean lineIsFirst;
  private long eventBytes;
  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private String lastEventIdBuffer = "";
  private String lastEventId = "";
  private long retryMillis = -1;

  /**
   * @param maxEventBytes the most bytes one event's lines may hold
   */
  public SseReader(InputStream in, int maxEventBytes) {
    if (maxEventBytes <= 0) {
      throw new IllegalArgumentException("maxEventBytes must be positive, got " + maxEventBytes);
    }
    this.in = in;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * The next event, blocking until one is complete.
   *
   * @return null at the end of the stream
   * @throws MessageTooLargeException one event is larger than the cap
   */
  public SseEvent next() throws IOException {
    while (true) {
      int kind = readLine();
      if (kind == EOF) {
        return null;
      }
      if (kind == COMMENT) {
        continue;
      }
      if (lineLength == 0) {
        SseEvent event = dispatch();
        if (event != null) {
          return event;
        }
        continue;
      }
      field(new String(line, 0, lineLength, StandardCharsets.UTF_8));
    }
  }

  /**
   * The id of the last dispatched event (or of an empty one), {@code ""} if none: for
   * Last-Event-ID.
   */
  public String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time the server asked for, or -1 if it sent none. */
  public long retryMillis() {
    return retryMillis;
  }

  private SseEvent dispatch() {
    lastEventId = lastEventIdBuffer;
    eventBytes = 0;
    if (data.isEmpty()) {
      eventType = "";
      return null;
    }
    String text = data.substring(0, data.length() - 1);
    String type = eventType.isEmpty() ? "message" : eventType;
    data.setLength(0);
    eventType = "";
    return new SseEvent(type, text, lastEventId);
  }

  private void field(String text) {
    if (lineIsFirst && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String value = "";
    if (colon >= 0) {
      int start = colon + 1;
      if (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
      value = text.substring(start);
    }
    switch (name) {
      case "event" -> eventType = value;
      case "data" -> data.append(value).append('\n');
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventIdBuffer = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(SseReader::digit)) {
          retryMillis = Long.parseLong(value);
        }
      }
      default -> {
        // unknown fields are ignored, as the spec says
      }
    }
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private static final int EOF = -1;
  private static final int LINE = 0;
  private static final int COMMENT = 1;

  /** Reads one line into {@link #line}; a comment line is consumed without keeping its bytes. */
  private int readLine() throws IOException {
    lineLength = 0;
    lineIsFirst = firstLine;
    firstLine = false;
    boolean comment = false;
    boolean start = true;
    while (true) {
      if (pos == limit && !fill()) {
        // the spec drops an unterminated line and any pending event at end of stream
        return EOF;
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      if (start) {
        start = false;
        // a comment behind a BOM is not seen here; field() then ignores it as a nameless field
        comment = buf[pos] == ':';
      }
      int from = pos;
      while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      if (!comment) {
        append(from, pos - from);
      }
      if (pos < limit) {
        skipLf = buf[pos] == '\r';
        pos++;
        return comment ? COMMENT : LINE;
      }
    }
  }

  private void append(int from, int length) throws MessageTooLargeException {
    if (length == 0) {
      return;
    }
    eventBytes += length;
    if (eventBytes > maxEventBytes) {
      throw new MessageTooLargeException("an SSE event", maxEventBytes);
    }
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    System.arraycopy(buf, from, line, lineLength, length);
    lineLength += length;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
