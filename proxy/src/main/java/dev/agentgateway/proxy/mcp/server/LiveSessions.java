package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.mux.MuxSession;
import dev.agentgateway.proxy.mcp.session.SessionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sessions this replica holds open, by client session id, closed after {@code idle} without use
 * (a session with its GET stream open is in use). A session another replica opened is not here; it
 * is resumed from its sealed id instead.
 */
final class LiveSessions implements AutoCloseable {
  private final SessionStore<Live> store;
  private volatile boolean stopping;

  /**
   * @param resumableElsewhere when this replica stops, leave the server sessions open for the
   *     replica that resumes them (a session idle past its TTL, or deleted, still ends them)
   */
  LiveSessions(Duration idle, boolean resumableElsewhere) {
    this.store =
        SessionStore.create(
            idle,
            live -> {
              if (stopping && resumableElsewhere) {
                live.mux.detach();
              } else {
                live.mux.close();
              }
            });
    Duration period = idle.compareTo(Duration.ofMinutes(1)) < 0 ? idle : Duration.ofMinutes(1);
    store.startReaper(period);
  }

  /** One open session. */
  static final class Live {
    final MuxSession mux;
    final AtomicBoolean streaming = new AtomicBoolean();

    Live(MuxSession mux) {
      this.mux = mux;
    }
  }

  Live get(String id) {
    return store.get(id).orElse(null);
  }

  /** The session held in use (not reaped) until the lease closes: for the GET stream. */
  Optional<SessionStore.Lease<Live>> hold(String id) {
    return store.acquire(id);
  }

  /** Keeps {@code mux} under {@code id}; returns the session already there if another won. */
  Live put(String id, MuxSession mux) {
    return store.putIfAbsent(id, new Live(mux));
  }

  /** Closes and forgets {@code id}; false when it was not open here. */
  boolean close(String id) {
    return store.remove(id);
  }

  int size() {
    return store.size();
  }

  @Override
  public void close() {
    stopping = true;
    store.close();
  }
}
