package dev.agentgateway.proxy.policy.cel;

import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
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

  /** The peer of a Helidon request: its IP address (no brackets) and port. */
  public static SourceAttributes from(ServerRequest req) {
    SocketAddress address = req.remotePeer().address();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return new SourceAttributes(inet.getAddress().getHostAddress(), inet.getPort());
    }
    return new SourceAttributes(req.remotePeer().host(), req.remotePeer().port());
  }

  Map<String, Object> toCel() {
    return Map.of("address", address, "port", (long) port);
  }
}
