package dev.agentgateway.proxy.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The first connection selector of every bind listener: counts each new connection (Helidon asks
 * every selector once per connection, when its first bytes arrive) and, once draining, claims new
 * connections and closes them at once so that no new request is served.
 *
 * <p>A connection that closes before sending a byte is not counted.
 */
final class ConnectionGate implements ServerConnectionSelector {
  private final LongAdder accepted;
  private final Drain drain;

  ConnectionGate(LongAdder accepted, Drain drain) {
    this.accepted = accepted;
    this.drain = drain;
  }

  @Override
  public int bytesToIdentifyConnection() {
    return 0;
  }

  @Override
  public Support supports(BufferData data) {
    accepted.increment();
    return drain.draining() ? Support.SUPPORTED : Support.UNSUPPORTED;
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return Set.of();
  }

  @Override
  public ServerConnection connection(ConnectionContext ctx) {
    return Refused.INSTANCE;
  }

  /** Returns at once, so Helidon closes the socket without reading a request. */
  private enum Refused implements ServerConnection {
    INSTANCE;

    @Override
    public void handle(io.helidon.common.concurrency.limits.Limit limit) {}

    @Override
    public Duration idleTime() {
      return Duration.ZERO;
    }

    @Override
    public void close(boolean interrupt) {}
  }
}
