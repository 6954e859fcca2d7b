package dev.agentgateway.model.config;

import java.util.Locale;

/**
 * A parsed {@code host:port}: a DNS name, an IPv4 address or a bracketed IPv6 address, and a port.
 *
 * @param host the host, without brackets for IPv6
 * @param port the port
 */
public record HostPort(String host, int port) {

  /**
   * Parses {@code text} (already environment-expanded).
   *
   * @param minPort the lowest port allowed (0 for listen addresses, 1 for upstreams)
   * @throws IllegalArgumentException with a one-line reason that does not repeat the value
   */
  public static HostPort parse(String text, int minPort) {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed \"[\" in IPv6 address");
      }
      host = text.substring(1, close);
      if (!isIpv6(host)) {
        throw new IllegalArgumentException("invalid IPv6 address");
      }
      if (close + 1 >= text.length() || text.charAt(close + 1) != ':') {
        throw new IllegalArgumentException("expected host:port");
      }
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("expected host:port");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw new IllegalArgumentException("IPv6 addresses must be in brackets, e.g. [::1]:8080");
      }
      if (!Hostnames.isDnsName(host)) {
        throw new IllegalArgumentException("invalid host name");
      }
      host = host.toLowerCase(Locale.ROOT);
    }
    return new HostPort(host, parsePort(port, minPort));
  }

  private static int parsePort(String port, int minPort) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("port must be a number");
    }
    int value = Integer.parseInt(port);
    if (value < minPort || value > 65535) {
      throw new IllegalArgumentException("port must be between " + minPort + " and 65535");
    }
    return value;
  }

  /** Up to eight hex groups with at most one {@code ::}; the last part may be dotted IPv4. */
  private static boolean isIpv6(String host) {
    int gap = host.indexOf("::");
    if (host.isEmpty() || (gap >= 0 && host.indexOf("::", gap + 1) >= 0)) {
      return false;
    }
    String joined = gap >= 0 ? host.substring(0, gap) + ":" + host.substring(gap + 2) : host;
    if (joined.startsWith(":")) {
      joined = joined.substring(1);
    }
    if (joined.endsWith(":")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    String[] groups = joined.isEmpty() ? new String[0] : joined.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (i == groups.length - 1 && group.indexOf('.') >= 0) {
        if (!Hostnames.isIpv4(group)) {
          return false;
        }
        count += 2;
      } else if (group.isEmpty()
          || group.length() > 4
          || !group.chars().allMatch(HostPort::isHex)) {
        return false;
      } else {
        count++;
      }
    }
    return gap >= 0 ? count <= 7 : count == 8;
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  /** The {@code host:port} form, bracketing IPv6. */
  public String authority() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
