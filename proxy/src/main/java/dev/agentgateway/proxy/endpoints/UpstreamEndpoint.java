package dev.agentgateway.proxy.endpoints;

import dev.agentgateway.model.ir.HealthPolicy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One ready endpoint of a Service port, counting the requests in flight to it. A request acquires
 * it before its try and releases it when the response is relayed or the try failed. Routes with a
 * {@code health} policy also report each try's outcome, which may evict the endpoint for a while.
 */
public final class UpstreamEndpoint {
  /** The weight of the latest outcome in the health score (upstream's EWMA alpha). */
  private static final double HEALTH_WEIGHT = 0.3;

  private final EndpointSet set;
  private final int index;
  private final String address;
  private final int port;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ReentrantLock healthLock = new ReentrantLock();
  private double health = 1.0;
  private int failures;
  private int timesEvicted;
  private boolean restorePending;
  // System.nanoTime() until which the endpoint is evicted; read without the lock by pick().
  private volatile long evictedUntil;
  private volatile boolean everEvicted;

  UpstreamEndpoint(EndpointSet set, int index, String address, int port) {
    this.set = set;
    this.index = index;
    this.address = address;
    this.port = port;
  }

  /** The IP address or hostname to connect to (IPv6 without brackets). */
  public String address() {
    return address;
  }

  /** The target port. */
  public int port() {
    return port;
  }

  /** Counts one more request in flight. */
  public void acquire() {
    inFlight.incrementAndGet();
  }

  /** Counts one request done; pairs with {@link #acquire()}. */
  public void release() {
    inFlight.decrementAndGet();
  }

  /** The requests in flight to this endpoint now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** True when the endpoint is evicted at {@code now} ({@link System#nanoTime()}). */
  public boolean evicted(long now) {
    return everEvicted && evictedUntil - now > 0;
  }

  /** The health score, an EWMA of try outcomes from 0 (all unhealthy) to 1. */
  public double health() {
    healthLock.lock();
    try {
      return health;
    } finally {
      healthLock.unlock();
    }
  }

  /**
   * Records one try's outcome under {@code eviction}'s rules (upstream's outlier detection): the
   * health score moves towards the outcome; a healthy try resets the failure and eviction counts;
   * an unhealthy one evicts when {@code consecutiveFailures} unhealthy tries came in a row or the
   * score fell below {@code healthThreshold} (either, when both are set; with neither, at once),
   * for {@code duration} times the evictions in a row.
   *
   * @param eviction the rules, or null to only move the score
   * @return true when this outcome evicted the endpoint
   */
  public boolean record(boolean unhealthy, HealthPolicy.Eviction eviction, long now) {
    healthLock.lock();
    try {
      if (restorePending && !evicted(now)) {
        // Back from eviction: the score it returns with, if the policy sets one.
        restorePending = false;
        if (eviction != null && eviction.restoreHealth() != null) {
          health = eviction.restoreHealth();
        }
      }
      health = HEALTH_WEIGHT * (unhealthy ? 0 : 1) + (1 - HEALTH_WEIGHT) * health;
      if (!unhealthy) {
        failures = 0;
        timesEvicted = 0;
        return false;
      }
      failures++;
      if (eviction == null || evicted(now) || !evicts(eviction)) {
        return false;
      }
      timesEvicted++;
      failures = 0;
      restorePending = true;
      long nanos = eviction.duration().toNanos();
      long until =
          now
              + (nanos > Long.MAX_VALUE / 4 / timesEvicted
                  ? Long.MAX_VALUE / 4
                  : nanos * timesEvicted);
      evictedUntil = until;
      everEvicted = true;
      set.noteEviction(until);
      return true;
    } finally {
      healthLock.unlock();
    }
  }

  private boolean evicts(HealthPolicy.Eviction e) {
    boolean byCount = e.consecutiveFailures() != null && e.consecutiveFailures() > 0;
    boolean byHealth = e.healthThreshold() != null;
    if (!byCount && !byHealth) {
      return true;
    }
    return byCount && failures >= e.consecutiveFailures()
        || byHealth && health < e.healthThreshold();
  }

  EndpointSet set() {
    return set;
  }

  int index() {
    return index;
  }

  @Override
  public String toString() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }
}
