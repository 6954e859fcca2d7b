package dev.agentgateway.proxy.websocket;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A backend's status line and header fields, read straight off the socket. Bytes that arrived past
 * the head (frames sent right after a 101, or the start of a body) stay available in {@link
 * #rest()}.
 */
final class ResponseHead {
  /** Largest head we accept from a backend. */
  static final int MAX_HEAD = 64 * 1024;

  private static final int FIRST_READ = 8 * 1024;

  private final int status;
  private final String reason;
  private final List<String> names;
  private final List<String> values;
  private final InputStream rest;

  private ResponseHead(
      int status, String reason, List<String> names, List<String> values, InputStream rest) {
    this.status = status;
    this.reason = reason;
    this.names = names;
    this.values = values;
    this.rest = rest;
  }

  /**
   * Reads one response head from {@code in}.
   *
   * @throws BadResponseException when the backend closes early or sends a malformed or huge head
   */
  static ResponseHead read(InputStream in) throws IOException {
    byte[] buf = new byte[FIRST_READ];
    int len = 0;
    int scanned = 0;
    int end;
    while ((end = headEnd(buf, scanned, len)) < 0) {
      scanned = len;
      if (len == buf.length) {
        if (buf.length >= MAX_HEAD) {
          throw new BadResponseException("backend response head larger than " + MAX_HEAD);
        }
        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_HEAD));
      }
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        throw new BadResponseException("backend closed the connection before responding");
      }
      len += n;
    }
    InputStream rest =
        end == len
            ? in
            : new SequenceInputStream(new ByteArrayInputStream(buf, end, len - end), in);
    return parse(new String(buf, 0, end - 4, StandardCharsets.ISO_8859_1), rest);
  }

  private static int headEnd(byte[] buf, int from, int len) {
    for (int i = Math.max(3, from); i < len; i++) {
      if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private static ResponseHead parse(String head, InputStream rest) throws BadResponseException {
    String[] lines = head.split("\r\n", -1);
    String statusLine = lines[0];
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new BadResponseException("backend sent an invalid status line");
    }
    int status;
    try {
      status = Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new BadResponseException("backend sent an invalid status code");
    }
    if (status < 100 || status > 599) {
      throw new BadResponseException("backend sent an invalid status code");
    }
    String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
    List<String> names = new ArrayList<>(lines.length);
    List<String> values = new ArrayList<>(lines.length);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new BadResponseException("backend sent a malformed header line");
      }
      names.add(line.substring(0, colon).trim());
      values.add(line.substring(colon + 1).trim());
    }
    return new ResponseHead(status, reason, names, values, rest);
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  int size() {
    return names.size();
  }

  String name(int i) {
    return names.get(i);
  }

  String value(int i) {
    return values.get(i);
  }

  /** The first value of {@code name} (case-insensitive), or {@code null}. */
  String first(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return values.get(i);
      }
    }
    return null;
  }

  /** All values of {@code name} (case-insensitive), in order. */
  List<String> all(String name) {
    List<String> found = new ArrayList<>(2);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        found.add(values.get(i));
      }
    }
    return found;
  }

  /** True when {@code name} lists {@code token} (comma-separated, case-insensitive). */
  boolean hasToken(String name, String token) {
    return Heads.containsToken(all(name), token.toLowerCase(Locale.ROOT));
  }

  /** The backend stream positioned right after the head. */
  InputStream rest() {
    return rest;
  }

  /** The backend's answer could not be used; the client gets a 502. */
  static final class BadResponseException extends IOException {
    BadResponseException(String reason) {
      super(reason);
    }
  }
}
