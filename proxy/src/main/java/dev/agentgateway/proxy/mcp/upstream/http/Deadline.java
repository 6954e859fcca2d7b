package dev.agentgateway.proxy.mcp.upstream.http;

import java.time.Duration;

/** When a call must be done by; keeps the timeout it came from for the error message. */
record Deadline(long atNanos, Duration timeout) {
  static Deadline after(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a timeout must be positive, got " + timeout);
    }
    return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
  }

  /** Nanoseconds left, zero or less once passed. */
  long remainingNanos() {
    return atNanos - System.nanoTime();
  }
}
