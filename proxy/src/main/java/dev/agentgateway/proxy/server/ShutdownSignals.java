package dev.agentgateway.proxy.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * SIGTERM and SIGINT start the graceful shutdown instead of stopping the JVM at once; a second
 * signal exits immediately.
 *
 * <p>We take the signals rather than use a JVM shutdown hook because, once the JVM is shutting
 * down, java.util.logging's own hook resets every handler, so nothing logged during the drain
 * (access log lines included) would be written; and a shutdown hook cannot choose the exit status.
 */
public final class ShutdownSignals {
  private static final Logger LOG = Logger.getLogger(ShutdownSignals.class.getName());

  private ShutdownSignals() {}

  /** Routes SIGTERM and SIGINT to {@code shutdown}, which runs on a new thread. */
  public static void install(Runnable shutdown) {
    AtomicBoolean received = new AtomicBoolean();
    sun.misc.SignalHandler handler =
        signal -> {
          if (received.compareAndSet(false, true)) {
            LOG.info("received SIG" + signal.getName());
            Thread.ofPlatform().name("agentgateway-shutdown").start(shutdown);
          } else {
            LOG.warning("received SIG" + signal.getName() + " again; exiting now");
            System.exit(1);
          }
        };
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
      } catch (IllegalArgumentException e) {
        LOG.fine("cannot handle SIG" + name + ": " + e.getMessage());
      }
    }
  }
}
