package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.telemetry.RequestObserver;
import java.time.Duration;

/** One try against the upstream: when it started and what happened to its connection. */
final class UpstreamTry {
  private final String backend;
  private final RequestObserver observer;
  private final long startNanos;
  private boolean newConnection;
  private boolean connectionObtained;

  UpstreamTry(String backend, RequestObserver observer) {
    this.backend = backend;
    this.observer = observer;
    this.startNanos = System.nanoTime();
  }

  /** The client opened a new connection for this try. */
  void connected() {
    newConnection = true;
    observer.upstreamConnected(backend, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** The client has a connection and starts sending the request. */
  void sending() {
    connectionObtained = true;
  }

  boolean connectionObtained() {
    return connectionObtained;
  }

  /** The connection came from the pool (or, without a connect listener, may have). */
  boolean reusedConnection() {
    return connectionObtained && !newConnection;
  }
}
