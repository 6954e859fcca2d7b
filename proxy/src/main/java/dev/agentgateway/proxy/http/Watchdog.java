package dev.agentgateway.proxy.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces a deadline on a blocking upstream exchange. The handler marks when it blocks on the
 * upstream; if the deadline passes then, the watchdog interrupts the thread (a virtual thread
 * blocked in socket I/O is woken and that socket closed). If it passes while the handler talks to
 * the downstream client, the handler notices at its next upstream step. So the client connection is
 * never closed by the interrupt.
 */
final class Watchdog implements Runnable {
  /** No deadline: every call is a no-op. */
  static final Watchdog NONE = new Watchdog(null);

  private final Thread owner;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean upstreamIo;
  private volatile boolean fired;
  private ScheduledFuture<?> task;

  private Watchdog(Thread owner) {
    this.owner = owner;
  }

  /** Starts a watchdog for the current thread that fires after {@code nanos}. */
  static Watchdog start(ScheduledExecutorService scheduler, long nanos) {
    Watchdog watchdog = new Watchdog(Thread.currentThread());
    if (nanos <= 0) {
      watchdog.fired = true;
    } else {
      watchdog.task = scheduler.schedule(watchdog, nanos, TimeUnit.NANOSECONDS);
    }
    return watchdog;
  }

  @Override
  public void run() {
    lock.lock();
    try {
      fired = true;
      if (upstreamIo) {
        owner.interrupt();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The deadline passed. */
  boolean fired() {
    return fired;
  }

  /** The thread is about to block on the upstream; throws if the deadline already passed. */
  void upstream() {
    if (owner == null) {
      return;
    }
    lock.lock();
    try {
      upstreamIo = true;
    } finally {
      lock.unlock();
    }
    if (fired) {
      leaveUpstream();
      throw UpstreamFailure.timeout();
    }
  }

  /** The thread is about to talk to the downstream client; throws if the deadline passed. */
  void downstream() {
    if (owner == null) {
      return;
    }
    leaveUpstream();
    if (fired) {
      throw UpstreamFailure.timeout();
    }
  }

  /** Stops the watchdog; the thread's interrupt status is clean afterwards. */
  void stop() {
    if (owner == null) {
      return;
    }
    if (task != null) {
      task.cancel(false);
    }
    leaveUpstream();
  }

  private void leaveUpstream() {
    lock.lock();
    try {
      upstreamIo = false;
    } finally {
      lock.unlock();
    }
    if (fired) {
      // Clear an interrupt this watchdog may have delivered; none can follow once upstreamIo is
      // off.
      Thread.interrupted();
    }
  }
}
