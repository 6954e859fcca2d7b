package dev.agentgateway.proxy.telemetry;

import java.time.Duration;
import java.util.Objects;

/** Feeds the metrics and the access log of one bind from the data path's events. */
public final class TelemetryObserver implements RequestObserver {
  private final ProxyMetrics metrics;
  private final AccessLog accessLog;
  private final String bindKey;

  public TelemetryObserver(ProxyMetrics metrics, AccessLog accessLog, String bindKey) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
    this.bindKey = Objects.requireNonNull(bindKey, "bindKey");
  }

  @Override
  public void requestDone(RequestLog log) {
    metrics.requestDone(bindKey, log);
    accessLog.log(bindKey, log);
  }

  @Override
  public void upstreamConnected(String backend, Duration elapsed) {
    metrics.upstreamConnected(backend, elapsed);
  }
}
