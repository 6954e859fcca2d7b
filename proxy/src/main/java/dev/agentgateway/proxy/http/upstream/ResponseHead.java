package dev.agentgateway.proxy.http.upstream;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.io.EOFException;
import java.io.IOException;

/**
 * One parsed response head: status, header fields and the body framing they imply (RFC 9112 section
 * 6). Interim (1xx) responses other than 101 are skipped.
 */
final class ResponseHead {
  /** Largest head (status line and fields) accepted from an upstream. */
  static final int MAX_HEAD = 64 * 1024;

  final int status;
  final String reason;
  final WritableHeaders<?> headers;

  /** The body length, -1 when chunked or delimited by close. */
  final long contentLength;

  final boolean chunked;
  final boolean keepAlive;

  private ResponseHead(
      int status,
      String reason,
      WritableHeaders<?> headers,
      long contentLength,
      boolean chunked,
      boolean keepAlive) {
    this.status = status;
    this.reason = reason;
    this.headers = headers;
    this.contentLength = contentLength;
    this.chunked = chunked;
    this.keepAlive = keepAlive;
  }

  /**
   * Reads the next final response head.
   *
   * @throws StaleConnectionException when the stream ends before any byte (a closed idle
   *     connection)
   * @throws UpstreamProtocolException on a malformed or oversized head
   */
  static ResponseHead read(Input in) throws IOException {
    boolean first = true;
    while (true) {
      Input.Budget budget = new Input.Budget(MAX_HEAD);
      String statusLine = in.line(budget);
      if (statusLine == null) {
        if (first) {
          throw new StaleConnectionException();
        }
        throw new EOFException("upstream closed the connection after an interim response");
      }
      first = false;
      ResponseHead head = parse(statusLine, in, budget);
      if (head.status >= 200 || head.status == 101) {
        return head;
      }
    }
  }

  private static ResponseHead parse(String statusLine, Input in, Input.Budget budget)
      throws IOException {
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (statusLine.length() < 12
        || !statusLine.startsWith("HTTP/1.")
        || statusLine.charAt(8) != ' '
        || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw new UpstreamProtocolException("malformed upstream status line");
    }
    char minor = statusLine.charAt(7);
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw new UpstreamProtocolException("malformed upstream status line");
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100) {
      throw new UpstreamProtocolException("malformed upstream status line");
    }
    String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
    WritableHeaders<?> headers = WritableHeaders.create();
    long contentLength = -1;
    boolean chunked = false;
    boolean close = minor == '0';
    while (true) {
      String line = in.line(budget);
      if (line == null) {
        throw new EOFException("upstream closed the connection inside a response head");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0
          || line.charAt(0) == ' '
          || line.charAt(0) == '\t'
          || line.charAt(colon - 1) == ' '
          || line.charAt(colon - 1) == '\t') {
        throw new UpstreamProtocolException("malformed upstream header field");
      }
      String name = line.substring(0, colon);
      String value = trim(line, colon + 1);
      switch (name.length()) {
        case 10 -> {
          if (name.equalsIgnoreCase("connection")) {
            if (Tokens.contains(value, "close")) {
              close = true;
            } else if (Tokens.contains(value, "keep-alive")) {
              close = false;
            }
          }
        }
        case 14 -> {
          if (name.equalsIgnoreCase("content-length")) {
            long parsed = parseLength(value);
            if (contentLength >= 0 && contentLength != parsed) {
              throw new UpstreamProtocolException("conflicting upstream Content-Length");
            }
            contentLength = parsed;
          }
        }
        case 17 -> {
          if (name.equalsIgnoreCase("transfer-encoding")) {
            chunked = Tokens.last(value, "chunked");
            if (!chunked) {
              // Any other coding is delimited by close (RFC 9112 section 6.3).
              close = true;
            }
          }
        }
        default -> {}
      }
      headers.add(HeaderValues.create(HeaderNames.create(name), value));
    }
    if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
      // Transfer-Encoding overrides Content-Length, and such a message must not be reused.
      contentLength = -1;
      if (headers.contains(HeaderNames.CONTENT_LENGTH)) {
        close = true;
      }
    }
    return new ResponseHead(status, reason, headers, contentLength, chunked, !close);
  }

  private static long parseLength(String value) {
    if (value.isEmpty() || value.length() > 18) {
      throw new UpstreamProtocolException("malformed upstream Content-Length");
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new UpstreamProtocolException("malformed upstream Content-Length");
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private static String trim(String line, int from) {
    int start = from;
    int end = line.length();
    while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(start, end);
  }
}
