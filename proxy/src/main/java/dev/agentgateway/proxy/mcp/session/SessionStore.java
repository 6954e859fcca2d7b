package dev.agentgateway.proxy.mcp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live sessions of one MCP gateway, by session id, closed after an idle TTL.
 *
 * <p>Use touches a session; a session with a {@link Lease} open (a long GET stream, a slow call) is
 * never reaped however long it runs, and its idle time counts from when the last lease closed.
 * Expired sessions are removed lazily on lookup and by {@link #reapExpired}, which {@link
 * #startReaper} runs on a virtual thread. Every session leaves through the close callback exactly
 * once: on {@link #remove}, expiry, losing a {@link #putIfAbsent} race, or {@link #close}.
 *
 * @param <S> the live session object (upstream connections, child processes)
 */
public final class SessionStore<S> implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

  /** Upstream's default {@code config.mcp.sessionTtl}. */
  public static final Duration DEFAULT_IDLE_TTL = Duration.ofMinutes(30);

  private final ConcurrentHashMap<String, Entry<S>> sessions = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Consumer<? super S> onClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ReentrantLock lifecycle = new ReentrantLock();
  private ScheduledExecutorService reaper;

  /**
   * @param idleTtl how long a session may sit unused
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass a fake)
   * @param onClose closes a session's upstreams; must not throw, is called outside any lock
   */
  public SessionStore(Duration idleTtl, LongSupplier nanoClock, Consumer<? super S> onClose) {
    if (idleTtl.isNegative() || idleTtl.isZero()) {
      throw new IllegalArgumentException("sessionTtl must be positive, got " + idleTtl);
    }
    this.ttlNanos = idleTtl.toNanos();
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  /** A store on the system's monotonic clock. */
  public static <S> SessionStore<S> create(Duration idleTtl, Consumer<? super S> onClose) {
    return new SessionStore<>(idleTtl, System::nanoTime, onClose);
  }

  /**
   * Stores {@code session} unless {@code id} already has one (two requests resuming the same
   * session on this replica at once). The loser is closed.
   *
   * @return the session now stored under {@code id}: {@code session} or the one already there
   * @throws IllegalStateException the store is closed ({@code session} is closed first)
   */
  public S putIfAbsent(String id, S session) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(session, "session");
    if (closed.get()) {
      closeQuietly(session);
      throw new IllegalStateException("session store is closed");
    }
    long now = nanoClock.getAsLong();
    List<Entry<S>> expired = new ArrayList<>(1);
    Entry<S> fresh = new Entry<>(session, now);
    Entry<S> stored =
        sessions.compute(
            id,
            (key, existing) -> {
              if (existing == null) {
                return fresh;
              }
              if (existing.expired(now, ttlNanos)) {
                expired.add(existing);
                return fresh;
              }
              existing.touch(now);
              return existing;
            });
    expired.forEach(entry -> closeQuietly(entry.session));
    if (stored != fresh) {
      closeQuietly(session);
    } else if (closed.get() && sessions.remove(id, fresh)) {
      // close() ran between the check above and the insert: it did not see this one.
      closeQuietly(session);
      throw new IllegalStateException("session store is closed");
    }
    return stored.session;
  }

  /** The live session under {@code id}, touched; empty when unknown or idle past the TTL. */
  public Optional<S> get(String id) {
    Entry<S> entry = touch(id, false);
    return entry == null ? Optional.empty() : Optional.of(entry.session);
  }

  /**
   * The live session under {@code id}, held in use until the lease is closed: it is not reaped
   * while held. Empty when unknown or idle past the TTL.
   */
  public Optional<Lease<S>> acquire(String id) {
    Entry<S> entry = touch(id, true);
    return entry == null ? Optional.empty() : Optional.of(new Lease<>(this, id, entry));
  }

  /** Removes and closes the session under {@code id} (DELETE); false when there was none. */
  public boolean remove(String id) {
    Entry<S> entry = sessions.remove(id);
    if (entry == null) {
      return false;
    }
    closeQuietly(entry.session);
    return true;
  }

  /** Removes and closes every session idle past the TTL and not in use; returns how many. */
  public int reapExpired() {
    long now = nanoClock.getAsLong();
    List<Entry<S>> expired = new ArrayList<>();
    for (String id : sessions.keySet()) {
      sessions.computeIfPresent(
          id,
          (key, entry) -> {
            if (entry.expired(now, ttlNanos)) {
              expired.add(entry);
              return null;
            }
            return entry;
          });
    }
    expired.forEach(entry -> closeQuietly(entry.session));
    return expired.size();
  }

  /** Runs {@link #reapExpired} every {@code period} on a virtual thread until {@link #close}. */
  public void startReaper(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("reap period must be positive, got " + period);
    }
    lifecycle.lock();
    try {
      if (closed.get()) {
        throw new IllegalStateException("session store is closed");
      }
      if (reaper != null) {
        throw new IllegalStateException("the reaper is already running");
      }
      reaper =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofVirtual().name("mcp-session-reaper").factory());
      long millis = Math.max(1, period.toMillis());
      reaper.scheduleWithFixedDelay(this::reapLogged, millis, millis, TimeUnit.MILLISECONDS);
    } finally {
      lifecycle.unlock();
    }
  }

  /** How many sessions are live (expired ones not yet reaped included). */
  public int size() {
    return sessions.size();
  }

  /** Stops the reaper and closes every session. Later {@link #putIfAbsent} calls fail. */
  @Override
  public void close() {
    lifecycle.lock();
    try {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      if (reaper != null) {
        reaper.shutdownNow();
      }
    } finally {
      lifecycle.unlock();
    }
    for (String id : sessions.keySet()) {
      remove(id);
    }
  }

  private void reapLogged() {
    try {
      int reaped = reapExpired();
      if (reaped > 0) {
        LOG.fine(() -> "closed " + reaped + " idle MCP sessions");
      }
    } catch (RuntimeException e) {
      // A failing run must not cancel the schedule.
      LOG.log(Level.WARNING, "reaping idle MCP sessions failed", e);
    }
  }

  private Entry<S> touch(String id, boolean lease) {
    if (id == null) {
      return null;
    }
    long now = nanoClock.getAsLong();
    List<Entry<S>> expired = new ArrayList<>(1);
    Entry<S> entry =
        sessions.computeIfPresent(
            id,
            (key, existing) -> {
              if (existing.expired(now, ttlNanos)) {
                expired.add(existing);
                return null;
              }
              existing.touch(now);
              if (lease) {
                existing.inUse++;
              }
              return existing;
            });
    expired.forEach(e -> closeQuietly(e.session));
    return entry;
  }

  private void release(Entry<S> entry, String id) {
    long now = nanoClock.getAsLong();
    sessions.computeIfPresent(
        id,
        (key, existing) -> {
          if (existing == entry) {
            existing.inUse--;
            existing.touch(now);
          }
          return existing;
        });
  }

  private void closeQuietly(S session) {
    try {
      onClose.accept(session);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing an MCP session failed", e);
    }
  }

  /** Mutated only inside the map's compute functions, which serialise access per key. */
  private static final class Entry<S> {
    final S session;
    long lastUsedNanos;
    int inUse;

    Entry(S session, long now) {
      this.session = session;
      this.lastUsedNanos = now;
    }

    void touch(long now) {
      lastUsedNanos = now;
    }

    boolean expired(long now, long ttlNanos) {
      return inUse == 0 && now - lastUsedNanos > ttlNanos;
    }
  }

  /** A session held in use; close it when the request or stream ends. */
  public static final class Lease<S> implements AutoCloseable {
    private final SessionStore<S> store;
    private final String id;
    private final Entry<S> entry;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(SessionStore<S> store, String id, Entry<S> entry) {
      this.store = store;
      this.id = id;
      this.entry = entry;
    }

    /** The live session. */
    public S session() {
      return entry.session;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        store.release(entry, id);
      }
    }
  }
}
