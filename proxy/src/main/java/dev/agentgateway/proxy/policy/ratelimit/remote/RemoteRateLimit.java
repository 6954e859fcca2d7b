package dev.agentgateway.proxy.policy.ratelimit.remote;

import dev.agentgateway.model.envoy.ratelimit.RateLimitDescriptor;
import dev.agentgateway.model.envoy.ratelimit.RateLimitRequest;
import dev.agentgateway.model.envoy.ratelimit.RateLimitResponse;
import dev.agentgateway.model.envoy.ratelimit.RateLimitServiceGrpc;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.xds.envoy.HeaderValue;
import dev.agentgateway.proxy.policy.PolicyClients;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import io.grpc.StatusRuntimeException;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A route's {@code remoteRateLimit}, compiled: descriptor values are CEL expressions compiled once;
 * per request they are evaluated, sent to {@code ShouldRateLimit}, and an {@code OVER_LIMIT} answer
 * becomes a 429 with the headers the service returned.
 */
public final class RemoteRateLimit {
  /** How long a call may take when the policy sets no {@code requestTimeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(RemoteRateLimit.class.getName());
  private static final byte[] REFUSED = "rate limit exceeded".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FAILED =
      "rate limit service unavailable".getBytes(StandardCharsets.UTF_8);

  private final RemoteRateLimitPolicy policy;
  private final PolicyClients clients;
  private final List<List<Entry>> descriptors;
  private final Duration timeout;

  private record Entry(String key, CelExpression value) {}

  private RemoteRateLimit(
      RemoteRateLimitPolicy policy, PolicyClients clients, List<List<Entry>> descriptors) {
    this.policy = policy;
    this.clients = clients;
    this.descriptors = descriptors;
    this.timeout = policy.timeout() == null ? DEFAULT_TIMEOUT : policy.timeout();
  }

  /**
   * The compiled policy, or {@code null} when absent.
   *
   * @throws IllegalArgumentException when a descriptor value does not compile (the config check
   *     refuses such configs first)
   */
  public static RemoteRateLimit compile(RemoteRateLimitPolicy policy, PolicyClients clients) {
    if (policy == null) {
      return null;
    }
    List<List<Entry>> descriptors = new ArrayList<>();
    for (RemoteRateLimitPolicy.Descriptor d : policy.descriptors()) {
      List<Entry> entries = new ArrayList<>();
      for (RemoteRateLimitPolicy.Entry e : d.entries()) {
        entries.add(new Entry(e.key(), clients.cel().get().compile(e.value())));
      }
      descriptors.add(List.copyOf(entries));
    }
    return new RemoteRateLimit(policy, clients, List.copyOf(descriptors));
  }

  /** Asks the service about the request {@code activation} describes. */
  public RemoteRateLimitOutcome check(CelActivation activation) {
    RateLimitRequest.Builder request = RateLimitRequest.newBuilder().setDomain(policy.domain());
    for (List<Entry> entries : descriptors) {
      RateLimitDescriptor descriptor = descriptor(entries, activation);
      if (descriptor != null) {
        request.addDescriptors(descriptor);
      }
    }
    if (request.getDescriptorsCount() == 0) {
      return RemoteRateLimitOutcome.SKIPPED;
    }
    RateLimitResponse response;
    try {
      response =
          RateLimitServiceGrpc.newBlockingStub(clients.channel(policy.target()))
              .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
              .shouldRateLimit(request.build());
    } catch (StatusRuntimeException | IllegalStateException e) {
      LOG.log(System.Logger.Level.DEBUG, "rate limit call failed", e);
      String why =
          "rate limit service failed: "
              + (e instanceof StatusRuntimeException s ? s.getStatus().getCode() : e.getMessage());
      if (policy.failureMode() == RemoteRateLimitPolicy.FailureMode.FAIL_OPEN) {
        return new RemoteRateLimitOutcome(
            true, 200, List.of(), List.of(), new byte[0], why + "; failing open");
      }
      return new RemoteRateLimitOutcome(false, 500, List.of(), List.of(), FAILED, why);
    }
    List<Header> responseHeaders = headers(response.getResponseHeadersToAddList());
    List<Header> requestHeaders = headers(response.getRequestHeadersToAddList());
    if (response.getOverallCode() != RateLimitResponse.Code.OVER_LIMIT) {
      return new RemoteRateLimitOutcome(
          true, 200, responseHeaders, requestHeaders, new byte[0], "");
    }
    responseHeaders = withRetryAfter(responseHeaders, response);
    byte[] body = response.getRawBody().isEmpty() ? REFUSED : response.getRawBody().toByteArray();
    return new RemoteRateLimitOutcome(
        false, 429, responseHeaders, List.of(), body, "rate limited (remote)");
  }

  /** The descriptor, or {@code null} when an entry does not evaluate (upstream skips it). */
  private static RateLimitDescriptor descriptor(List<Entry> entries, CelActivation activation) {
    RateLimitDescriptor.Builder b = RateLimitDescriptor.newBuilder();
    for (Entry entry : entries) {
      Object value;
      try {
        value = entry.value().evaluate(activation);
      } catch (CelEvaluationError e) {
        return null;
      }
      String text = text(value);
      if (text == null || text.isEmpty()) {
        return null;
      }
      b.addEntries(RateLimitDescriptor.Entry.newBuilder().setKey(entry.key()).setValue(text));
    }
    return b.build();
  }

  private static String text(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Long n -> Long.toString(n);
      case Boolean bool -> bool.toString();
      case Double d ->
          d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) : d.toString();
      case Number n -> n.toString(); // CEL's uint
      default -> null;
    };
  }

  private static List<Header> headers(List<HeaderValue> values) {
    List<Header> out = new ArrayList<>();
    for (HeaderValue v : values) {
      String name = v.getKey();
      String value = v.getValue().isEmpty() ? v.getRawValue().toStringUtf8() : v.getValue();
      if (!name.isEmpty()
          && !name.startsWith(":")
          && value.indexOf('\r') < 0
          && value.indexOf('\n') < 0) {
        out.add(HeaderValues.create(HeaderNames.create(name.toLowerCase(Locale.ROOT)), value));
      }
    }
    return out;
  }

  /**
   * Adds {@code retry-after} (whole seconds, rounded up) from the over-limit descriptor that resets
   * last, unless the service sent one.
   */
  private static List<Header> withRetryAfter(List<Header> headers, RateLimitResponse response) {
    if (headers.stream().anyMatch(h -> h.headerName().equals(HeaderNames.RETRY_AFTER))) {
      return headers;
    }
    long seconds = -1;
    for (RateLimitResponse.DescriptorStatus status : response.getStatusesList()) {
      if (status.getCode() == RateLimitResponse.Code.OVER_LIMIT && status.hasDurationUntilReset()) {
        com.google.protobuf.Duration d = status.getDurationUntilReset();
        seconds = Math.max(seconds, d.getSeconds() + (d.getNanos() > 0 ? 1 : 0));
      }
    }
    if (seconds < 0) {
      return headers;
    }
    List<Header> out = new ArrayList<>(headers);
    out.add(HeaderValues.create(HeaderNames.RETRY_AFTER, Long.toString(seconds)));
    return out;
  }
}
