package dev.agentgateway.model.ir;

import java.util.Map;
import java.util.Objects;

/**
 * Where and when request spans are exported ({@code config.tracing}).
 *
 * @param otlpEndpoint the OTLP collector URL, e.g. {@code http://localhost:4317}
 * @param otlpProtocol how spans are sent
 * @param headers extra headers sent with every export (e.g. an API key)
 * @param path the HTTP path of the traces endpoint ({@link Protocol#HTTP} only)
 * @param randomSampling CEL (or a number 0..1, or {@code true}/{@code false}): whether a request
 *     without a sampled client trace starts a new trace; default {@code false}
 * @param clientSampling the same form: whether a client's sampled {@code traceparent} is honoured;
 *     default {@code true}
 * @param fields span attributes added (CEL) or removed
 */
public record TracingConfig(
    String otlpEndpoint,
    Protocol otlpProtocol,
    Map<String, String> headers,
    String path,
    String randomSampling,
    String clientSampling,
    TelemetryFields fields) {

  public static final String DEFAULT_PATH = "/v1/traces";

  public TracingConfig {
    Objects.requireNonNull(otlpEndpoint, "otlpEndpoint");
    if (!otlpEndpoint.startsWith("http://") && !otlpEndpoint.startsWith("https://")) {
      throw new IllegalArgumentException("otlpEndpoint must be an http:// or https:// URL");
    }
    otlpProtocol = Objects.requireNonNullElse(otlpProtocol, Protocol.GRPC);
    headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
    path = Objects.requireNonNullElse(path, DEFAULT_PATH);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /");
    }
    randomSampling = Objects.requireNonNullElse(randomSampling, "false");
    clientSampling = Objects.requireNonNullElse(clientSampling, "true");
    fields = Objects.requireNonNullElse(fields, TelemetryFields.NONE);
  }

  /** OTLP transport. */
  public enum Protocol {
    GRPC,
    HTTP
  }
}
