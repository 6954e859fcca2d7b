package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * The ready endpoints of one Service port. Kept apart from the routes on purpose: scaling a
 * Deployment changes only this resource, never the (possibly many) routes that reference the
 * Service, so an xDS push after a scale event stays one small resource.
 *
 * @param namespace the Service's namespace
 * @param name the Service's name
 * @param port the Service port, as a {@link Backend.Service} names it
 * @param endpoints the ready endpoints, each with its resolved target port; may be empty
 */
public record ServiceEndpoints(String namespace, String name, int port, List<Endpoint> endpoints) {

  public ServiceEndpoints {
    requireServicePort(namespace, name, port);
    endpoints = List.copyOf(endpoints);
  }

  /** The backend these endpoints serve; its {@link Backend.Service#name()} names both. */
  public Backend.Service service() {
    return new Backend.Service(namespace, name, port);
  }

  /**
   * One ready endpoint.
   *
   * @param address an IP address (IPv6 without brackets) or hostname
   * @param port the target port
   */
  public record Endpoint(String address, int port) {
    public Endpoint {
      Objects.requireNonNull(address, "address");
      if (address.isBlank()) {
        throw new IllegalArgumentException("endpoint address is blank");
      }
      requirePort(port);
    }

    /** The {@code host:port} form, bracketing IPv6 literals. */
    public String authority() {
      return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
  }

  /** Shared checks of a Service port reference. */
  static void requireServicePort(String namespace, String name, int port) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("service namespace is blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("service name is blank");
    }
    requirePort(port);
  }

  private static void requirePort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
