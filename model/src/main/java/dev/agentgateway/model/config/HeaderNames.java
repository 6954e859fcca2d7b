package dev.agentgateway.model.config;

/** Syntax checks for HTTP header names, methods and values (RFC 9110). */
final class HeaderNames {
  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderNames() {}

  /** A non-empty RFC 9110 token: header field names and methods. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TCHAR_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A header value without control characters (other than tab) that could split a header. */
  static boolean isValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
