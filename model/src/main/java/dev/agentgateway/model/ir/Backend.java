package dev.agentgateway.model.ir;

import java.util.Objects;

/** Where a route forwards traffic. Later issues add MCP, AI and A2A backends. */
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

  /**
   * A Kubernetes Service port; the proxy balances across its ready endpoints, which arrive
   * separately as {@link ServiceEndpoints} so that scaling never touches the routes.
   *
   * <p>The Service's own name is {@code serviceName}, not {@code name}, because {@link #name()} is
   * the backend's display name, which a record component of that name would replace.
   *
   * @param namespace the Service's namespace
   * @param serviceName the Service's name
   * @param port the Service port (not the target port)
   */
  record Service(String namespace, String serviceName, int port) implements Backend {
    public Service {
      ServiceEndpoints.requireServicePort(namespace, serviceName, port);
    }

    /** {@code <namespace>/<serviceName>:<port>}, also the key of its {@link ServiceEndpoints}. */
    @Override
    public String name() {
      return namespace + "/" + serviceName + ":" + port;
    }
  }
}
