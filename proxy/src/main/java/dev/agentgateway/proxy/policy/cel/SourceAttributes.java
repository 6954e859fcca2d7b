package dev.agentgateway.proxy.policy.cel;

import java.util.Map;
import java.util.Objects;

/**
 * The downstream peer of a request: CEL's {@code source.address} and {@code source.port}.
 *
 * @param address the peer's IP address, without brackets or port
 * @param port the peer's port
 */
public record SourceAttributes(String address, int port) {
  public SourceAttributes {
    Objects.requireNonNull(address, "address");
  }

  Map<String, Object> toCel() {
    return Map.of("address", address, "port", (long) port);
  }
}
