package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.http.ServerRequest;
import io.opentelemetry.api.trace.Span;
import java.util.function.Supplier;

/**
 * The telemetry state of one request: its span when it is traced, the {@code traceparent} the
 * upstream gets, and the request as CEL sees it (for access log and sampling expressions). {@link
 * #NONE} when neither tracing nor access log expressions are configured, so that case allocates
 * nothing.
 */
public final class RequestScope {
  /** No span and no CEL request: the cheap path. */
  public static final RequestScope NONE = new RequestScope(null, null, null);

  static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");

  private final Supplier<RequestAttributes> request;
  private final Span span;
  private final String traceparent;

  /**
   * @param request the request for CEL, read on first use; null when no expression needs it
   * @param span the request's server span, or null when it is not sampled
   * @param traceparent the W3C header value for the upstream, or null to forward the client's
   */
  public RequestScope(Supplier<RequestAttributes> request, Span span, String traceparent) {
    this.request = request;
    this.span = span;
    this.traceparent = traceparent;
  }

  /** A scope that only remembers {@code req} for CEL, reading it once on first use. */
  public static RequestScope ofRequest(ServerRequest req) {
    return new RequestScope(memoized(req), null, null);
  }

  /** {@code request} of {@code req}, built on first use and kept. */
  public static Supplier<RequestAttributes> memoized(ServerRequest req) {
    return new Supplier<>() {
      private RequestAttributes value;

      @Override
      public RequestAttributes get() {
        if (value == null) {
          value = RequestAttributes.from(req);
        }
        return value;
      }
    };
  }

  /** The request as CEL sees it, or null. */
  public Supplier<RequestAttributes> request() {
    return request;
  }

  /** The server span, or null when the request is not traced. */
  public Span span() {
    return span;
  }

  /** The {@code traceparent} to send upstream, or null. */
  public String traceparent() {
    return traceparent;
  }

  /**
   * Sets the {@code traceparent} of the request's span on the upstream request, replacing the
   * client's, so the backend joins the trace as a child of the gateway's span.
   */
  public static void inject(ServerRequest req, WritableHeaders<?> headers) {
    req.context()
        .get(RequestScope.class)
        .map(RequestScope::traceparent)
        .ifPresent(value -> headers.set(HeaderValues.create(TRACEPARENT, value)));
  }
}
