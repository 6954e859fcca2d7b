package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Route policy {@code extAuthz}: asks an external authorization service whether a request may
 * proceed, over Envoy's gRPC {@code envoy.service.auth.v3.Authorization/Check} API or plain HTTP.
 *
 * @param target the authorization service: a host or a Service
 * @param protocol how it is called
 * @param context gRPC only: static {@code context_extensions} sent with every check
 * @param includeResponseHeaders HTTP only: headers of the service's 2xx answer copied into the
 *     upstream request
 * @param includeRequestHeaders the request headers sent (lower case; {@code :method}, {@code
 *     :path}, {@code :authority} and {@code :scheme} name the pseudo headers), or {@code null} for
 *     the protocol's default: every header over gRPC, only {@code authorization} over HTTP
 * @param includeRequestBody whether and how much of the request body is sent, or {@code null} for
 *     none
 * @param failureMode what happens when the service cannot decide (unreachable, error, timeout)
 * @param failureStatus the status a request gets when {@code failureMode} denies it
 * @param timeout how long one check may take, or {@code null} for the proxy's default
 */
public record ExtAuthzPolicy(
    Backend target,
    Protocol protocol,
    Map<String, String> context,
    List<String> includeResponseHeaders,
    List<String> includeRequestHeaders,
    BodyOptions includeRequestBody,
    FailureMode failureMode,
    int failureStatus,
    Duration timeout) {

  /** The status a failed check gets when denied and no {@code denyWithStatus} is set. */
  public static final int DEFAULT_FAILURE_STATUS = 403;

  public ExtAuthzPolicy {
    Backend.requirePlain(target, "extAuthz target");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(failureMode, "failureMode");
    context = Map.copyOf(context);
    includeResponseHeaders = List.copyOf(includeResponseHeaders);
    includeRequestHeaders =
        includeRequestHeaders == null ? null : List.copyOf(includeRequestHeaders);
    if (protocol == Protocol.HTTP && !context.isEmpty()) {
      throw new IllegalArgumentException("context is only sent over grpc");
    }
    if (protocol == Protocol.GRPC && !includeResponseHeaders.isEmpty()) {
      throw new IllegalArgumentException("includeResponseHeaders is only read over http");
    }
    if (failureStatus < 100 || failureStatus > 999) {
      throw new IllegalArgumentException(
          "failure status must be between 100 and 999, got " + failureStatus);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** How the service is called. */
  public enum Protocol {
    GRPC,
    HTTP
  }

  /** What a check that fails (rather than denies) does to the request. */
  public enum FailureMode {
    ALLOW,
    DENY
  }

  /**
   * Upstream's {@code includeRequestBody}.
   *
   * @param maxRequestBytes at most this many body bytes are sent, at least 1
   * @param allowPartialMessage whether a larger body is cut to the limit (else it is refused 413)
   * @param packAsBytes gRPC only: send the body as {@code raw_body} bytes instead of text
   */
  public record BodyOptions(int maxRequestBytes, boolean allowPartialMessage, boolean packAsBytes) {
    /** Upstream's default {@code maxRequestBytes}. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 8192;

    public BodyOptions {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException(
            "maxRequestBytes must be at least 1, got " + maxRequestBytes);
      }
    }
  }
}
