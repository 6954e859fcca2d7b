package dev.agentgateway.proxy.mcp.server;

import java.util.function.BooleanSupplier;

/**
 * Holds a server-sent event stream open on its request's (virtual) thread: a keep-alive comment
 * every 15 s finds out when the client left, and checks each second end it when the session closes
 * or the proxy starts shutting down, so open streams never hold up the drain.
 */
final class StreamHold {
  private static final long CHECK_MILLIS = 1_000;
  private static final int CHECKS_PER_KEEP_ALIVE = 15;

  private StreamHold() {}

  static void hold(SseWriter writer, BooleanSupplier open, BooleanSupplier stopping) {
    int checks = 0;
    while (open.getAsBoolean() && !stopping.getAsBoolean()) {
      if (checks++ % CHECKS_PER_KEEP_ALIVE == 0 && !writer.keepAlive()) {
        return;
      }
      try {
        Thread.sleep(CHECK_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
