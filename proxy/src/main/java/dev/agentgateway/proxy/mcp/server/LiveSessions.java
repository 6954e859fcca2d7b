package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.mux.MuxSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions this replica holds open, by client session id, closed after {@code idle} without
 * use. A session another replica opened is not here; it is resumed from its sealed id instead.
 */
final class LiveSessions implements AutoCloseable {
  private final Map<String, Live> sessions = new ConcurrentHashMap<>();
  private final Duration idle;
  private final Clock clock;
  private final AtomicLong sinceReap = new AtomicLong();

  LiveSessions(Duration idle, Clock clock) {
    this.idle = idle;
    this.clock = clock;
  }

  /** One open session. */
  static final class Live {
    final MuxSession mux;
    final AtomicBoolean streaming = new AtomicBoolean();
    volatile long lastUsedMillis;

    Live(MuxSession mux, long now) {
      this.mux = mux;
      this.lastUsedMillis = now;
    }
  }

  Live get(String id) {
    Live live = sessions.get(id);
    if (live != null) {
      live.lastUsedMillis = clock.millis();
    }
    return live;
  }

  /** Keeps {@code mux} under {@code id}; returns the session already there if another won. */
  Live put(String id, MuxSession mux) {
    reapNowAndThen();
    Live fresh = new Live(mux, clock.millis());
    Live existing = sessions.putIfAbsent(id, fresh);
    if (existing != null) {
      mux.close();
      return existing;
    }
    return fresh;
  }

  /** Closes and forgets {@code id}; false when it was not open here. */
  boolean close(String id) {
    Live live = sessions.remove(id);
    if (live == null) {
      return false;
    }
    live.mux.close();
    return true;
  }

  int size() {
    return sessions.size();
  }

  /** Every 64th new session sweeps the idle ones, so reaping costs nothing per request. */
  private void reapNowAndThen() {
    if (sinceReap.incrementAndGet() % 64 == 0) {
      reap();
    }
  }

  void reap() {
    long cutoff = clock.millis() - idle.toMillis();
    sessions.forEach(
        (id, live) -> {
          if (live.lastUsedMillis < cutoff && !live.streaming.get()) {
            close(id);
          }
        });
  }

  @Override
  public void close() {
    sessions.keySet().forEach(this::close);
  }
}
