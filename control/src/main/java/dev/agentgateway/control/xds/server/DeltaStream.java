package dev.agentgateway.control.xds.server;

import com.google.protobuf.Any;
import com.google.protobuf.Value;
import dev.agentgateway.control.xds.cache.Delta;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.cache.VersionedResource;
import dev.agentgateway.control.xds.cache.Watch;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Node;
import dev.agentgateway.model.xds.proto.Resource;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One proxy's Delta ADS stream. The first request names the Gateway (node metadata {@code role});
 * the first request per type URL opens a wildcard watch, honouring {@code
 * initial_resource_versions}; later requests are ACKs or NACKs of the last response of that type.
 *
 * <p>Responses are sent as soon as the cache has a change, without waiting for the ACK of the
 * previous one (as Envoy's own servers do): the watch folds changes that arrive while a send is in
 * progress into one delta, and each delta is relative to what was sent, so an unACKed response
 * never makes a later one wrong. A NACKed resource stays as sent until the next publish fixes it.
 */
final class DeltaStream implements StreamObserver<DeltaDiscoveryRequest> {
  private static final System.Logger LOG = System.getLogger(DeltaStream.class.getName());

  private final ReentrantLock lock = new ReentrantLock();
  private final StreamObserver<DeltaDiscoveryResponse> responses;
  private final XdsPublisher publisher;
  private final Set<String> typeUrls;
  private final XdsMetrics metrics;
  private final NackListener nacks;
  private final AtomicLong nonces;
  private final GatewayKey authenticated = XdsIdentity.SERVICE_ACCOUNT.get();
  private final Map<String, Watch<Resource>> watches = new HashMap<>();
  private final Map<String, String> lastNonce = new HashMap<>();
  private final Set<String> initialSent = new HashSet<>();
  private GatewayKey gateway;
  private String nodeId;
  private boolean closed;

  DeltaStream(
      StreamObserver<DeltaDiscoveryResponse> responses,
      XdsPublisher publisher,
      Set<String> typeUrls,
      XdsMetrics metrics,
      NackListener nacks,
      AtomicLong nonces) {
    this.responses = responses;
    this.nonces = nonces;
    this.publisher = publisher;
    this.typeUrls = typeUrls;
    this.metrics = metrics;
    this.nacks = nacks;
  }

  @Override
  public void onNext(DeltaDiscoveryRequest request) {
    String typeUrl = request.getTypeUrl();
    Map<String, String> known = request.getInitialResourceVersionsMap();
    String nack = null;
    GatewayKey key;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (request == MalformedRequests.MALFORMED) {
        fail(
            Status.INVALID_ARGUMENT.withDescription(
                "request is not a valid DeltaDiscoveryRequest"));
        return;
      }
      if (gateway == null && !identify(request.getNode())) {
        return;
      }
      if (!typeUrls.contains(typeUrl)) {
        fail(
            Status.INVALID_ARGUMENT.withDescription(
                "unknown type URL '" + typeUrl + "'; supported: " + typeUrls));
        return;
      }
      key = gateway;
      if (watches.containsKey(typeUrl)) {
        String nonce = request.getResponseNonce();
        if (nonce.isEmpty() || !nonce.equals(lastNonce.get(typeUrl))) {
          return; // stale or redundant: a newer response is already on its way
        }
        if (request.hasErrorDetail()) {
          nack = request.getErrorDetail().getMessage();
        }
      }
    } finally {
      lock.unlock();
    }
    if (nack != null) {
      metrics.rejected();
      LOG.log(
          System.Logger.Level.WARNING,
          "proxy " + nodeId + " of gateway " + key + " rejected " + typeUrl + ": " + nack);
      nacks.onNack(key, nack);
      return;
    }
    openWatch(key, typeUrl, known);
  }

  @Override
  public void onError(Throwable t) {
    LOG.log(System.Logger.Level.DEBUG, "xDS stream of " + gateway + " ended: " + t);
    close();
  }

  @Override
  public void onCompleted() {
    if (close()) {
      responses.onCompleted();
    }
  }

  /** Checks the node of the first request; fails the stream when it is unusable. */
  private boolean identify(Node node) {
    if (node.getId().isEmpty()) {
      fail(Status.INVALID_ARGUMENT.withDescription("missing node id"));
      return false;
    }
    Value role = node.getMetadata().getFieldsMap().get("role");
    try {
      gateway =
          GatewayKey.fromRole(role != null && role.hasStringValue() ? role.getStringValue() : null);
    } catch (IllegalArgumentException e) {
      fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
      return false;
    }
    var refusal = XdsIdentity.refusal(authenticated, gateway);
    if (refusal.isPresent()) {
      fail(Status.PERMISSION_DENIED.withDescription(refusal.get()));
      return false;
    }
    nodeId = node.getId();
    metrics.connected();
    return true;
  }

  /** Opens the watch of a type unless one is open; its first delta is the initial state. */
  private void openWatch(GatewayKey key, String typeUrl, Map<String, String> known) {
    lock.lock();
    try {
      if (closed || watches.containsKey(typeUrl)) {
        return;
      }
      // Reserve the slot under the lock so a concurrent first request cannot open a second watch.
      watches.put(typeUrl, null);
    } finally {
      lock.unlock();
    }
    Watch<Resource> watch = publisher.cache().watch(key, typeUrl, known, this::send);
    boolean stale;
    lock.lock();
    try {
      stale = closed;
      if (!stale) {
        watches.put(typeUrl, watch);
      }
    } finally {
      lock.unlock();
    }
    if (stale) {
      watch.close();
    }
  }

  private void send(Delta<Resource> delta) {
    DeltaDiscoveryResponse.Builder response =
        DeltaDiscoveryResponse.newBuilder()
            .setTypeUrl(delta.typeUrl())
            .setSystemVersionInfo(delta.systemVersion())
            .addAllRemovedResources(delta.removed());
    for (VersionedResource<Resource> r : delta.updated()) {
      response.addResources(
          dev.agentgateway.model.xds.envoy.Resource.newBuilder()
              .setName(r.name())
              .setVersion(r.version())
              .setResource(Any.pack(r.payload())));
    }
    String nonce = Long.toString(nonces.incrementAndGet(), 36);
    response.setNonce(nonce);
    DeltaDiscoveryResponse built = response.build();
    boolean initial;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      initial = initialSent.add(delta.typeUrl());
      lastNonce.put(delta.typeUrl(), nonce);
      responses.onNext(built);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "xDS send to " + gateway + " failed: " + e);
      return;
    } finally {
      lock.unlock();
    }
    // Memoized by protobuf: the marshaller computed it already to frame the message.
    metrics.pushed(built.getSerializedSize());
    XdsPublisher.Published published = publisher.published(gateway);
    // The initial state answers a subscribe, not a publish, so only later pushes are timed.
    if (!initial
        && published != null
        && delta.systemVersion().startsWith(published.snapshotVersion() + "+")) {
      metrics.pushLatency(System.nanoTime() - published.publishedNanos());
    }
  }

  /** Ends the stream with {@code status}; call with the lock held. */
  private void fail(Status status) {
    metrics.streamFailed();
    LOG.log(
        System.Logger.Level.INFO,
        "refusing xDS stream"
            + (gateway == null ? "" : " of " + gateway)
            + ": "
            + status.getCode()
            + " "
            + status.getDescription());
    closeLocked();
    try {
      responses.onError(status.asRuntimeException());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "xDS stream already closed: " + e);
    }
  }

  /** Closes the watches once; true on the first call. */
  private boolean close() {
    lock.lock();
    try {
      return closeLocked();
    } finally {
      lock.unlock();
    }
  }

  private boolean closeLocked() {
    if (closed) {
      return false;
    }
    closed = true;
    watches
        .values()
        .forEach(
            w -> {
              if (w != null) {
                w.close();
              }
            });
    watches.clear();
    if (gateway != null) {
      metrics.disconnected();
    }
    return true;
  }
}
