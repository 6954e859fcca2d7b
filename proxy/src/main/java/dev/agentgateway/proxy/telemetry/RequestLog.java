package dev.agentgateway.proxy.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * What one finished request looked like; feeds the access log and request metrics.
 *
 * @param method request method
 * @param host request host
 * @param path request path (without query)
 * @param protocol downstream protocol, e.g. {@code HTTP/1.1}
 * @param status response status sent to the client
 * @param route the route's name, or empty when none matched
 * @param backend the backend's name, or empty when none was chosen
 * @param durationNanos time from request headers to the last response byte
 * @param bytesIn request body bytes read from the client
 * @param bytesOut response body bytes written to the client
 * @param reason what went wrong, in one line (e.g. {@code upstream timeout}), or empty; the access
 *     log's {@code error}
 * @param retries retries made after the first try
 * @param backendProtocol the backend's protocol ({@code http}, {@code a2a}, ...)
 * @param fields protocol fields (e.g. {@code a2a.method}) logged after the HTTP ones, in order
 * @param responseReason who produced the response (the access log's {@code reason}); {@code null}
 *     means the upstream
 */
public record RequestLog(
    String method,
    String host,
    String path,
    String protocol,
    int status,
    String route,
    String backend,
    long durationNanos,
    long bytesIn,
    long bytesOut,
    String reason,
    int retries,
    String backendProtocol,
    List<Field> fields,
    ResponseReason responseReason) {

  public RequestLog {
    fields = List.copyOf(fields);
    responseReason = responseReason == null ? ResponseReason.UPSTREAM : responseReason;
  }

  /** A request whose response came from the upstream. */
  public RequestLog(
      String method,
      String host,
      String path,
      String protocol,
      int status,
      String route,
      String backend,
      long durationNanos,
      long bytesIn,
      long bytesOut,
      String reason,
      int retries,
      String backendProtocol,
      List<Field> fields) {
    this(
        method,
        host,
        path,
        protocol,
        status,
        route,
        backend,
        durationNanos,
        bytesIn,
        bytesOut,
        reason,
        retries,
        backendProtocol,
        fields,
        ResponseReason.UPSTREAM);
  }

  /** A plain HTTP request (no protocol fields). */
  public RequestLog(
      String method,
      String host,
      String path,
      String protocol,
      int status,
      String route,
      String backend,
      long durationNanos,
      long bytesIn,
      long bytesOut,
      String reason,
      int retries) {
    this(
        method,
        host,
        path,
        protocol,
        status,
        route,
        backend,
        durationNanos,
        bytesIn,
        bytesOut,
        reason,
        retries,
        "http",
        List.of());
  }

  /** One protocol field of the access log line; {@code value} is a String or a Number. */
  public record Field(String key, Object value) {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
