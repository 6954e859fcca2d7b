package dev.agentgateway.proxy.admin;

/**
 * A listen address such as {@code localhost:15000}, {@code 0.0.0.0:15020} or {@code [::1]:15000}.
 *
 * @param host the host or IP literal (without brackets)
 * @param port the port; 0 picks a free one
 */
public record HostPort(String host, int port) {

  /** Parses {@code text}; throws with a one-line reason when it is not {@code host:port}. */
  public static HostPort parse(String text) {
    String t = text.strip();
    if (t.startsWith("unix:")) {
      throw new IllegalArgumentException("unix socket addresses are not supported: " + text);
    }
    int colon = t.lastIndexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + text + "'");
    }
    String host = t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("IPv6 addresses need brackets: '" + text + "'");
    }
    int port;
    try {
      port = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range in '" + text + "'");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
