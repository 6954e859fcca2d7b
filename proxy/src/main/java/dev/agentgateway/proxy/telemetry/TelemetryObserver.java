package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.proxy.telemetry.trace.Tracing;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Objects;

/** Feeds the metrics, the access log and the spans of one bind from the data path's events. */
public final class TelemetryObserver implements RequestObserver {
  private final ProxyMetrics metrics;
  private final AccessLog accessLog;
  private final String bindKey;
  private final Tracing tracing;

  public TelemetryObserver(ProxyMetrics metrics, AccessLog accessLog, String bindKey) {
    this(metrics, accessLog, bindKey, null);
  }

  /**
   * @param tracing starts and exports request spans; null when tracing is off
   */
  public TelemetryObserver(
      ProxyMetrics metrics, AccessLog accessLog, String bindKey, Tracing tracing) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
    this.bindKey = Objects.requireNonNull(bindKey, "bindKey");
    this.tracing = tracing;
  }

  @Override
  public RequestScope requestStarted(ServerRequest req) {
    if (tracing != null) {
      return tracing.start(req);
    }
    return accessLog.needsRequest() ? RequestScope.ofRequest(req) : RequestScope.NONE;
  }

  @Override
  public void requestDone(RequestLog log) {
    requestDone(log, RequestScope.NONE);
  }

  @Override
  public void requestDone(RequestLog log, RequestScope scope) {
    metrics.requestDone(bindKey, log);
    if (scope.span() != null) {
      tracing.end(scope, log, bindKey);
    }
    accessLog.log(bindKey, log, scope);
  }

  @Override
  public void upstreamConnected(String backend, Duration elapsed) {
    metrics.upstreamConnected(backend, elapsed);
  }
}
