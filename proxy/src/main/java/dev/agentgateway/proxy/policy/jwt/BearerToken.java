package dev.agentgateway.proxy.policy.jwt;

import java.util.List;
import java.util.Locale;

/** Reads the token out of {@code Authorization: Bearer <token>} (RFC 6750 §2.1). */
public final class BearerToken {
  private static final String SCHEME = "bearer";

  private BearerToken() {}

  /** What the request's Authorization headers hold. */
  public sealed interface Extraction {}

  /** No Authorization header, or one with another scheme (Basic, ...): no bearer token. */
  public enum Missing implements Extraction {
    INSTANCE
  }

  /** A syntactically valid bearer token; its value is a credential and never logged. */
  public record Present(String token) implements Extraction {
    @Override
    public String toString() {
      return "Present[token=<redacted>]";
    }
  }

  /** An Authorization header that cannot be used; the reason never contains the header. */
  public record Malformed(String reason) implements Extraction {}

  /**
   * Extracts the token from every value of the request's Authorization header.
   *
   * @param authorization the header's values, in order; null or empty when absent
   */
  public static Extraction extract(List<String> authorization) {
    if (authorization == null || authorization.isEmpty()) {
      return Missing.INSTANCE;
    }
    if (authorization.size() > 1) {
      // Two credentials are ambiguous: which one did an intermediary check?
      return new Malformed("multiple Authorization headers");
    }
    String value = authorization.get(0).strip();
    int space = value.indexOf(' ');
    String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
    if (!scheme.equals(SCHEME)) {
      return Missing.INSTANCE;
    }
    return token(space < 0 ? "" : value.substring(space + 1).strip());
  }

  /**
   * A token read from elsewhere (a query parameter, a cookie, another header), checked the same
   * way.
   *
   * @param token the value with any prefix already removed; null or empty when absent
   */
  public static Extraction token(String token) {
    if (token == null || token.isEmpty()) {
      return new Malformed("empty bearer token");
    }
    if (!isToken68(token)) {
      return new Malformed("bearer token has invalid characters");
    }
    return new Present(token);
  }

  /** RFC 7235 token68: what a JWT (base64url parts joined by dots) always is. */
  private static boolean isToken68(String token) {
    int i = 0;
    int n = token.length();
    while (i < n && isToken68Char(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < n && token.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }

  private static boolean isToken68Char(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/';
  }
}
