package dev.agentgateway.proxy.telemetry;

import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/** Receives request and upstream events from the data path. */
public interface RequestObserver {

  /** A request finished (successfully or not). */
  void requestDone(RequestLog log);

  /**
   * A request arrived: its span (if sampled) and what the access log's expressions need. {@link
   * RequestScope#NONE} unless tracing or access log expressions are configured.
   */
  default RequestScope requestStarted(ServerRequest req) {
    return RequestScope.NONE;
  }

  /** A request that {@link #requestStarted} saw finished; ends its span. */
  default void requestDone(RequestLog log, RequestScope scope) {
    requestDone(log);
  }

  /** A new upstream connection was opened in {@code elapsed}. */
  void upstreamConnected(String backend, Duration elapsed);

  /** Does nothing; for tests. */
  RequestObserver NOOP =
      new RequestObserver() {
        @Override
        public void requestDone(RequestLog log) {}

        @Override
        public void upstreamConnected(String backend, Duration elapsed) {}
      };
}
