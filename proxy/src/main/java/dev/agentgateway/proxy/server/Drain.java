package dev.agentgateway.proxy.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts requests in flight and tells handlers when the process is draining, so that responses
 * carry {@code Connection: close} and shutdown can wait for the last stream.
 */
public final class Drain {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private volatile boolean draining;
  private long inFlight;

  /** Marks one request as started. */
  public void enter() {
    lock.lock();
    try {
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  /** Marks one request as finished. */
  public void exit() {
    lock.lock();
    try {
      if (--inFlight == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** True once shutdown has begun: new responses ask clients to close their connections. */
  public boolean draining() {
    return draining;
  }

  /** Starts draining. */
  public void start() {
    draining = true;
  }

  /** Requests currently in flight. */
  public long inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no request is in flight or {@code timeout} passes; true when idle. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (inFlight > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Same as {@link #awaitIdle(Duration)} with a unit. */
  public boolean awaitIdle(long amount, TimeUnit unit) throws InterruptedException {
    return awaitIdle(Duration.ofNanos(unit.toNanos(amount)));
  }
}
