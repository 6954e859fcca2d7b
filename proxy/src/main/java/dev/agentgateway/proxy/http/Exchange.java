package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the proxy learns about one request while serving it; becomes its {@link RequestLog}. */
final class Exchange {
  private final long startNanos;
  private final String method;
  private final String host;
  private final String path;
  private final String protocol;
  private String route = "";
  private String backend = "";
  private int status;
  private long bytesIn;
  private long bytesOut;
  private String reason = "";
  private ResponseReason responseReason;
  private int retries;
  private ExchangeTap tap = ExchangeTap.NONE;
  private List<RequestLog.Field> fields = List.of();

  Exchange(long startNanos, String method, String host, String path, String protocol) {
    this.startNanos = startNanos;
    this.method = method;
    this.host = host;
    this.path = path;
    this.protocol = protocol;
  }

  String path() {
    return path;
  }

  void route(String name) {
    route = name;
  }

  void backend(String name) {
    backend = name;
  }

  String backend() {
    return backend;
  }

  void status(int code) {
    status = code;
  }

  void bytesIn(long bytes) {
    bytesIn = bytes;
  }

  void addBytesOut(long bytes) {
    bytesOut += bytes;
  }

  void reason(String why) {
    reason = why;
  }

  /** Records who produced the response (the gateway itself, and why); unset means the upstream. */
  void responseReason(ResponseReason why) {
    responseReason = why;
  }

  void retried() {
    retries++;
  }

  /** Lets {@code watcher} see this exchange's bodies and add access-log fields. */
  void tap(ExchangeTap watcher) {
    tap = watcher;
  }

  /** Adds an access-log field set by a policy (e.g. {@code agw.api_key.name}). */
  void field(String key, Object value) {
    if (fields.isEmpty()) {
      fields = new ArrayList<>(2);
    }
    fields.add(new RequestLog.Field(key, value));
  }

  ExchangeTap tap() {
    return tap;
  }

  /**
   * Answers with {@code status} and a one-line text {@code reason}, and records both; the response
   * reason follows from the status ({@link ResponseReason#forStatus}).
   */
  void reply(ServerResponse res, Status status, String reason) {
    reply(res, status, ResponseReason.forStatus(status.code()), reason);
  }

  /** Answers with {@code status} and a one-line text {@code reason} on behalf of {@code why}. */
  void reply(ServerResponse res, Status status, ResponseReason why, String reason) {
    byte[] body = reason.getBytes(StandardCharsets.UTF_8);
    this.responseReason = why == null ? ResponseReason.forStatus(status.code()) : why;
    this.status = status.code();
    this.reason = reason;
    this.bytesOut = body.length;
    res.status(status);
    res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
    res.send(body);
  }

  RequestLog log(long endNanos) {
    return new RequestLog(
        method,
        host,
        path,
        protocol,
        status,
        route,
        backend,
        endNanos - startNanos,
        bytesIn,
        bytesOut,
        reason,
        retries,
        tap.protocol(),
        logFields(),
        responseReason);
  }

  private List<RequestLog.Field> logFields() {
    if (fields.isEmpty()) {
      return tap.logFields();
    }
    List<RequestLog.Field> all = new ArrayList<>(fields);
    all.addAll(tap.logFields());
    return all;
  }
}
