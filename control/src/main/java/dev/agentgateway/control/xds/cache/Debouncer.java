package dev.agentgateway.control.xds.cache;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * Coalesces bursts of updates per key: the first update of a burst starts a window, later ones in
 * the window replace the pending value, and when the window ends the latest value is applied once.
 * The window runs from the first update, not the last, so a steady stream still pushes every window
 * instead of never.
 */
public final class Debouncer<K, V> {

  /** Runs a task after a delay; a seam so tests can drive time by hand. */
  @FunctionalInterface
  public interface Scheduler {
    /** Runs {@code task} once after {@code delay}. */
    void schedule(Runnable task, Duration delay);

    /** A scheduler backed by a scheduled executor. */
    static Scheduler of(ScheduledExecutorService executor) {
      return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<K, V> pending = new HashMap<>();
  private final Duration window;
  private final Scheduler scheduler;
  private final BiConsumer<K, V> apply;

  /** Applies the latest value per key with {@code apply}, at most once per {@code window}. */
  public Debouncer(Duration window, Scheduler scheduler, BiConsumer<K, V> apply) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("debounce window must not be negative: " + window);
    }
    this.window = window;
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.apply = Objects.requireNonNull(apply, "apply");
  }

  /** Records the newest value for {@code key}; the first in a window schedules the push. */
  public void submit(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    boolean first;
    lock.lock();
    try {
      first = pending.put(key, value) == null;
    } finally {
      lock.unlock();
    }
    if (first) {
      scheduler.schedule(() -> flush(key), window);
    }
  }

  private void flush(K key) {
    V value;
    lock.lock();
    try {
      value = pending.remove(key);
    } finally {
      lock.unlock();
    }
    if (value != null) {
      apply.accept(key, value);
    }
  }
}
