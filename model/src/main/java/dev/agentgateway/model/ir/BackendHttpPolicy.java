package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * HTTP settings of requests to a backend (upstream's backend {@code http}).
 *
 * @param version the HTTP version spoken to the backend, or {@code null} to infer it (HTTP/2 for
 *     gRPC, HTTP/1.1 otherwise)
 * @param requestTimeout bound on each upstream try until the response head, or {@code null}
 */
public record BackendHttpPolicy(Version version, Duration requestTimeout) {
  public BackendHttpPolicy {
    if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /** The upstream HTTP version. */
  public enum Version {
    /** HTTP/1.1. */
    HTTP1,
    /** HTTP/2 with prior knowledge (h2c), or negotiated over TLS. */
    HTTP2
  }
}
