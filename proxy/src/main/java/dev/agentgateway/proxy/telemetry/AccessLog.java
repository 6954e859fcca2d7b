package dev.agentgateway.proxy.telemetry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one line per finished request at info on logger {@code request}, with upstream's field
 * names. Only the path (no query) is logged, and no header values, so credentials never reach a
 * log.
 */
public final class AccessLog {
  /** The logger (and RUST_LOG target) of access log lines. */
  public static final String LOGGER_NAME = "request";

  private final Logger logger = Logger.getLogger(LOGGER_NAME);
  private final AccessLogRules rules;

  /** Every line, with the standard fields. */
  public AccessLog() {
    this(AccessLogRules.NONE);
  }

  /** Lines kept by {@code rules}' filter, with its fields added and removed. */
  public AccessLog(AccessLogRules rules) {
    this.rules = rules;
  }

  /** Whether writing a line needs the request as CEL sees it. */
  boolean needsRequest() {
    return rules.needsRequest();
  }

  /** Logs {@code log} for the bind {@code bindKey}. */
  public void log(String bindKey, RequestLog log) {
    log(bindKey, log, RequestScope.NONE);
  }

  /** Logs {@code log} for the bind {@code bindKey}, with the trace ids of {@code scope}. */
  public void log(String bindKey, RequestLog log, RequestScope scope) {
    if (!logger.isLoggable(Level.INFO)) {
      return;
    }
    LogFields fields = fields(bindKey, log);
    if (scope.span() != null) {
      fields
          .add("trace.id", scope.span().getSpanContext().getTraceId())
          .add("span.id", scope.span().getSpanContext().getSpanId());
    }
    fields = rules.apply(fields, log, scope);
    if (fields != null) {
      fields.log(logger, Level.INFO, "");
    }
  }

  /** The fields of one access log line, in output order. */
  static LogFields fields(String bindKey, RequestLog log) {
    LogFields f =
        LogFields.create(14)
            .add("gateway", bindKey)
            .addIfPresent("route", log.route())
            .addIfPresent("endpoint", log.backend())
            .add("http.method", log.method())
            .add("http.host", log.host() == null ? "" : log.host())
            .add("http.path", log.path())
            .addIfPresent("http.version", log.protocol())
            .add("http.status", log.status())
            .add("protocol", log.backendProtocol())
            .add("duration", (log.durationNanos() / 1_000_000) + "ms")
            .add("bytes.in", log.bytesIn())
            .add("bytes.out", log.bytesOut());
    if (log.retries() > 0) {
      f.add("retry.attempt", log.retries());
    }
    for (RequestLog.Field field : log.fields()) {
      f.add(field.key(), field.value());
    }
    if (log.responseReason() != ResponseReason.UPSTREAM) {
      f.add("reason", log.responseReason().label());
    }
    return f.addIfPresent("error", log.reason());
  }
}
