package dev.agentgateway.proxy.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The shutdown sequence, run once (SIGTERM, SIGINT or {@code POST /quitquitquit}):
 *
 * <ol>
 *   <li>readiness turns 503 and the listeners keep accepting for the minimum termination deadline,
 *       so load balancers stop sending new traffic first;
 *   <li>the drain starts: new connections are closed without being served, HTTP/1 responses carry
 *       {@code Connection: close}, and we wait for requests in flight until the termination
 *       deadline (counted from the start of the shutdown);
 *   <li>the bind servers stop (listen sockets close, so new connections are refused; Helidon sends
 *       HTTP/2 clients a GOAWAY as it closes their connection), then the admin servers.
 * </ol>
 */
public final class GracefulShutdown {
  private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());

  /** How long the servers get to stop once the termination deadline has passed. */
  static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final Drain drain;
  private final ListenerManager listeners;
  private final Runnable afterListeners;
  private final Duration minDeadline;
  private final Duration deadline;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);

  /**
   * @param drain the requests in flight
   * @param listeners the bind servers
   * @param afterListeners run last (stops the admin, stats and readiness servers)
   * @param minDeadline how long to keep accepting after the shutdown starts
   * @param deadline the most time the whole shutdown may take before the remaining requests are cut
   */
  public GracefulShutdown(
      Drain drain,
      ListenerManager listeners,
      Runnable afterListeners,
      Duration minDeadline,
      Duration deadline) {
    this.drain = Objects.requireNonNull(drain, "drain");
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.afterListeners = Objects.requireNonNull(afterListeners, "afterListeners");
    this.minDeadline = Objects.requireNonNull(minDeadline, "minDeadline");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /** True once the shutdown has begun; readiness reports 503 from then on. */
  public boolean started() {
    return started.get();
  }

  /** Runs the sequence on this thread; later callers just wait for the first one to finish. */
  public void run() {
    if (started.compareAndSet(false, true)) {
      sequence();
    } else {
      awaitDone();
    }
  }

  /**
   * Starts the sequence on a new thread (for callers that must answer first); readiness reports 503
   * before this returns.
   */
  public void runAsync() {
    if (started.compareAndSet(false, true)) {
      Thread.ofPlatform().name("agentgateway-shutdown").start(this::sequence);
    }
  }

  private void sequence() {
    long start = System.nanoTime();
    try {
      LOG.info(
          "shutting down: not ready any more; still accepting for "
              + minDeadline.toMillis()
              + " ms");
      sleep(minDeadline);
      drain.start();
      Duration left = deadline.minusNanos(System.nanoTime() - start);
      LOG.info(
          "draining: new connections are closed unanswered; waiting up to "
              + Math.max(0, left.toMillis())
              + " ms for "
              + drain.inFlight()
              + " requests in flight");
      boolean idle = drain.awaitIdle(left.isNegative() ? Duration.ZERO : left);
      if (!idle) {
        LOG.warning(
            "termination deadline passed with "
                + drain.inFlight()
                + " requests in flight; closing");
      }
      // When the drain is idle, whatever Helidon still tracks (e.g. a response being flushed) may
      // use the rest of the deadline; past the deadline, give the servers only a moment.
      Duration rest = deadline.minusNanos(System.nanoTime() - start);
      listeners.stopAll(idle && rest.compareTo(STOP_WAIT) > 0 ? rest : STOP_WAIT);
      afterListeners.run();
      LOG.info("shutdown complete");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listeners.stopAll(Duration.ZERO);
    } finally {
      done.countDown();
    }
  }

  /** Waits until the sequence has finished. */
  public void awaitDone() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits at most {@code timeout}; true when the sequence has finished. */
  public boolean awaitDone(Duration timeout) throws InterruptedException {
    return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static void sleep(Duration d) throws InterruptedException {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d);
    }
  }
}
