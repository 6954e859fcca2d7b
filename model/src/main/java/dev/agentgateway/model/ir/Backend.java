package dev.agentgateway.model.ir;

import java.util.Objects;

/** Where a route forwards traffic. Later issues add service, MCP, AI and A2A backends. */
public sealed interface Backend {

  /** A human-readable name for logs and metrics. */
  String name();

  /** A static upstream address: {@code host:port} or {@code ip:port}. */
  record Host(String hostname, int port) implements Backend {
    public Host {
      Objects.requireNonNull(hostname, "hostname");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }

    @Override
    public String name() {
      return authority();
    }

    /** The {@code host:port} form, bracketing IPv6 literals. */
    public String authority() {
      return (hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname) + ":" + port;
    }
  }
}
