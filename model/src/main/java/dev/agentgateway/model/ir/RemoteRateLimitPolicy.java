package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Route policy {@code remoteRateLimit}: a global rate limit kept by an Envoy rate limit service
 * ({@code envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit}).
 *
 * @param target the rate limit service: a host or a Service
 * @param domain the rate limit domain sent with every call
 * @param descriptors the descriptors sent, at least one
 * @param failureMode what happens when the service cannot answer
 * @param timeout how long one call may take, or {@code null} for the proxy's default
 */
public record RemoteRateLimitPolicy(
    Backend target,
    String domain,
    List<Descriptor> descriptors,
    FailureMode failureMode,
    Duration timeout) {

  public RemoteRateLimitPolicy {
    Backend.requirePlain(target, "remoteRateLimit target");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(failureMode, "failureMode");
    descriptors = List.copyOf(descriptors);
    if (domain.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank");
    }
    if (descriptors.isEmpty()) {
      throw new IllegalArgumentException("remoteRateLimit needs at least one descriptor");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /**
   * One descriptor: its entries in order; a descriptor whose entry does not evaluate is skipped.
   *
   * @param entries at least one
   */
  public record Descriptor(List<Entry> entries) {
    public Descriptor {
      entries = List.copyOf(entries);
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("a descriptor needs at least one entry");
      }
    }
  }

  /**
   * One descriptor entry.
   *
   * @param key the key sent
   * @param value a CEL expression over the request whose value is sent
   */
  public record Entry(String key, String value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("descriptor key must not be empty");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException("descriptor value must not be blank");
      }
    }
  }

  /** What a call that fails does: {@code failClosed} answers 500, {@code failOpen} admits. */
  public enum FailureMode {
    FAIL_CLOSED,
    FAIL_OPEN
  }
}
