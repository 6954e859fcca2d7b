package dev.agentgateway.proxy.telemetry;

import java.time.Duration;

/** Receives request and upstream events from the data path. */
public interface RequestObserver {

  /** A request finished (successfully or not). */
  void requestDone(RequestLog log);

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
