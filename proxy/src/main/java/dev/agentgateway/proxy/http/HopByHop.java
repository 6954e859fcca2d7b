package dev.agentgateway.proxy.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import java.util.Locale;

/**
 * Copies headers between the two legs of a proxied exchange without the hop-by-hop ones of RFC 9110
 * section 7.6.1: {@code Connection} and every header it names, {@code Keep-Alive}, {@code
 * Proxy-Connection}, {@code TE} (except {@code TE: trailers} towards a gRPC upstream), {@code
 * Transfer-Encoding}, {@code Upgrade}, {@code Proxy-Authenticate}, {@code Proxy-Authorization} and
 * {@code Trailer}. Header objects are immutable, so they are passed on without copying.
 */
public final class HopByHop {
  private HopByHop() {}

  /** True for the fixed hop-by-hop names; {@code lowerCase} is a header name in lower case. */
  public static boolean fixed(String lowerCase) {
    return switch (lowerCase) {
      case "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "transfer-encoding",
          "upgrade",
          "proxy-authenticate",
          "proxy-authorization",
          "trailer" ->
          true;
      default -> false;
    };
  }

  /**
   * Copies {@code from} into {@code to}, skipping hop-by-hop headers, pseudo-headers and, when
   * {@code skipExpect}, {@code Expect} (the proxy answers {@code 100-continue} itself).
   *
   * @param keepTeTrailers pass {@code TE: trailers} on (gRPC needs it end to end)
   */
  static void copy(
      Headers from, WritableHeaders<?> to, boolean keepTeTrailers, boolean skipExpect) {
    String[] named = connectionNamed(from);
    for (Header header : from) {
      HeaderName name = header.headerName();
      if (name.isPseudoHeader()) {
        continue;
      }
      String lower = name.lowerCase();
      if (fixed(lower)) {
        if (keepTeTrailers && "te".equals(lower) && isTrailers(header)) {
          to.add(header);
        }
        continue;
      }
      if (skipExpect && "expect".equals(lower) || listed(named, lower)) {
        continue;
      }
      to.add(header);
    }
  }

  private static boolean isTrailers(Header header) {
    for (String value : header.allValues()) {
      if (value.trim().equalsIgnoreCase("trailers")) {
        return true;
      }
    }
    return false;
  }

  private static boolean listed(String[] named, String lowerCase) {
    if (named != null) {
      for (String name : named) {
        if (name.equals(lowerCase)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The extra header names listed in {@code Connection}, lower case, or {@code null} when there are
   * none beyond the usual {@code keep-alive} / {@code close} tokens (the common, allocation-free
   * case).
   */
  static String[] connectionNamed(Headers headers) {
    if (!headers.contains(HeaderNames.CONNECTION)) {
      return null;
    }
    Header connection = headers.get(HeaderNames.CONNECTION);
    if (connection.valueCount() == 1) {
      String value = connection.get();
      if (value.equalsIgnoreCase("keep-alive") || value.equalsIgnoreCase("close")) {
        return null;
      }
    }
    String joined = String.join(",", connection.allValues());
    String[] tokens = joined.split(",");
    int count = 0;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i].trim().toLowerCase(Locale.ROOT);
      if (!token.isEmpty() && !fixed(token)) {
        tokens[count++] = token;
      }
    }
    if (count == 0) {
      return null;
    }
    String[] named = new String[count];
    System.arraycopy(tokens, 0, named, 0, count);
    return named;
  }
}
