package dev.agentgateway.control.xds.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters and gauges of the xDS server, read through getters by whatever exports metrics. */
public final class XdsMetrics {
  private final AtomicLong connectedProxies = new AtomicLong();
  private final LongAdder pushes = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();
  private final LongAdder rejects = new LongAdder();
  private final LongAdder streamErrors = new LongAdder();
  private final LongAdder pushLatencyCount = new LongAdder();
  private final LongAdder pushLatencySumNanos = new LongAdder();
  private final AtomicLong pushLatencyMaxNanos = new AtomicLong();
  private final LongAdder authSuccesses = new LongAdder();
  private final LongAdder authFailures = new LongAdder();

  /** Streams whose first request identified a Gateway and that are still open. */
  public long connectedProxies() {
    return connectedProxies.get();
  }

  /** Responses sent, initial state included. */
  public long pushesTotal() {
    return pushes.sum();
  }

  /**
   * Serialized size of the responses sent, in bytes: the protobuf payload before gRPC framing,
   * compression and TLS, which is what grows with the number and size of the resources pushed.
   */
  public long bytesSentTotal() {
    return bytesSent.sum();
  }

  /** NACKs received. */
  public long rejectsTotal() {
    return rejects.sum();
  }

  /** Streams closed by the server with an error status (bad node, unknown type URL, ...). */
  public long streamErrorsTotal() {
    return streamErrors.sum();
  }

  /** Pushes caused by a publish whose latency (publish to response sent) was measured. */
  public long pushLatencyCount() {
    return pushLatencyCount.sum();
  }

  /** Sum of the measured push latencies, in nanoseconds. */
  public long pushLatencySumNanos() {
    return pushLatencySumNanos.sum();
  }

  /** The largest measured push latency, in nanoseconds. */
  public long pushLatencyMaxNanos() {
    return pushLatencyMaxNanos.get();
  }

  /** Streams whose credentials were checked ({@code xds_auth_rq_total}). */
  public long authRequestsTotal() {
    return authSuccesses.sum() + authFailures.sum();
  }

  /** Streams that proved a ServiceAccount ({@code xds_auth_rq_success_total}). */
  public long authSuccessesTotal() {
    return authSuccesses.sum();
  }

  /**
   * Streams refused before they began: no, bad or unverifiable credentials ({@code
   * xds_auth_rq_failure_total}).
   */
  public long authFailuresTotal() {
    return authFailures.sum();
  }

  /** Counts a stream that proved a ServiceAccount; called by the authenticating interceptor. */
  public void authSucceeded() {
    authSuccesses.increment();
  }

  /** Counts a stream refused by the authenticating interceptor. */
  public void authFailed() {
    authFailures.increment();
  }

  void connected() {
    connectedProxies.incrementAndGet();
  }

  void disconnected() {
    connectedProxies.decrementAndGet();
  }

  void pushed(int bytes) {
    // Bytes first: whoever sees the push counted also sees its bytes.
    bytesSent.add(bytes);
    pushes.increment();
  }

  void rejected() {
    rejects.increment();
  }

  void streamFailed() {
    streamErrors.increment();
  }

  void pushLatency(long nanos) {
    pushLatencyCount.increment();
    pushLatencySumNanos.add(nanos);
    pushLatencyMaxNanos.accumulateAndGet(nanos, Math::max);
  }
}
