package dev.agentgateway.proxy.mcp.upstream.openapi;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of values put into a path segment or a query. Only the unreserved set
 * ({@code ALPHA DIGIT - . _ ~}) stays as it is, so a value can never add a segment ({@code /}),
 * start a query ({@code ?}) or fragment ({@code #}), or end a parameter ({@code &}, {@code =}).
 */
final class UriComponents {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriComponents() {}

  /** {@code value} encoded for use as one path segment or one query name or value. */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (unreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(int c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
