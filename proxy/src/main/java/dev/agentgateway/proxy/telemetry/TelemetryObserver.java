package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.proxy.telemetry.trace.Tracing;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Feeds the metrics, the access log and the spans of one bind from the data path's events. */
public final class TelemetryObserver implements RequestObserver {
  private final ProxyMetrics metrics;
  private final Supplier<AccessLog> accessLog;
  private final String bindKey;
  private final Supplier<Tracing> tracing;

  public TelemetryObserver(ProxyMetrics metrics, AccessLog accessLog, String bindKey) {
    this(metrics, accessLog, bindKey, null);
  }

  /**
   * @param tracing starts and exports request spans; null when tracing is off
   */
  public TelemetryObserver(
      ProxyMetrics metrics, AccessLog accessLog, String bindKey, Tracing tracing) {
    this(metrics, bindKey, constant(accessLog, "accessLog"), () -> tracing);
  }

  /**
   * An observer whose access log and tracing may change while it runs (frontend policies from xDS
   * or a reloaded file): each request reads them when it starts and when it ends.
   *
   * @param tracing gives the tracing in force, or null when tracing is off
   */
  public TelemetryObserver(
      ProxyMetrics metrics,
      String bindKey,
      Supplier<AccessLog> accessLog,
      Supplier<Tracing> tracing) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
    this.bindKey = Objects.requireNonNull(bindKey, "bindKey");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  private static <T> Supplier<T> constant(T value, String name) {
    Objects.requireNonNull(value, name);
    return () -> value;
  }

  @Override
  public RequestScope requestStarted(ServerRequest req) {
    Tracing t = tracing.get();
    if (t != null) {
      return t.start(req);
    }
    return accessLog.get().needsRequest() ? RequestScope.ofRequest(req) : RequestScope.NONE;
  }

  @Override
  public void requestDone(RequestLog log) {
    requestDone(log, RequestScope.NONE);
  }

  @Override
  public void requestDone(RequestLog log, RequestScope scope) {
    metrics.requestDone(bindKey, log);
    if (scope.span() != null) {
      Tracing t = tracing.get();
      if (t != null) {
        t.end(scope, log, bindKey);
      } else {
        // Tracing was turned off while the request ran: end the span without its attributes.
        scope.span().end();
      }
    }
    accessLog.get().log(bindKey, log, scope);
  }

  @Override
  public void upstreamConnected(String backend, Duration elapsed) {
    metrics.upstreamConnected(backend, elapsed);
  }
}
