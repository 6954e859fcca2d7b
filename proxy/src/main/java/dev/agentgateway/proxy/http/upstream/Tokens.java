package dev.agentgateway.proxy.http.upstream;

/** Case-insensitive token checks on comma-separated header values, without allocating. */
final class Tokens {
  private Tokens() {}

  /** True when {@code value} lists {@code token}. */
  static boolean contains(String value, String token) {
    int start = 0;
    int len = value.length();
    while (start <= len) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? len : comma;
      if (matches(value, start, end, token)) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      start = comma + 1;
    }
    return false;
  }

  /** True when the last token of {@code value} is {@code token}. */
  static boolean last(String value, String token) {
    int comma = value.lastIndexOf(',');
    return matches(value, comma + 1, value.length(), token);
  }

  private static boolean matches(String value, int start, int end, String token) {
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return end - start == token.length() && value.regionMatches(true, start, token, 0, end - start);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
