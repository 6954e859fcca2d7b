package dev.agentgateway.proxy.http.upstream;

import java.io.IOException;

/** The upstream closed the connection before sending any byte of a response. */
public final class StaleConnectionException extends IOException {
  StaleConnectionException() {
    super("upstream closed the connection before responding", null);
  }

  @Override
  public Throwable fillInStackTrace() {
    // Expected on reused connections; the retry logic needs the type, not the trace.
    return this;
  }
}
