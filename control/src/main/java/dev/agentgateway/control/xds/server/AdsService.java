package dev.agentgateway.control.xds.server;

import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.DiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DiscoveryResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The Aggregated Discovery Service: Delta streams are served, state-of-the-world is refused. */
final class AdsService extends AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceImplBase {
  static final String SOTW_REFUSED = "state-of-the-world xDS is not supported; use delta";

  private final XdsPublisher publisher;
  private final Set<String> typeUrls;
  private final XdsMetrics metrics;
  private final NackListener nacks;
  private final AtomicLong nonces = new AtomicLong(); // server-wide, so nonces never repeat

  AdsService(XdsPublisher publisher, Set<String> typeUrls, XdsMetrics metrics, NackListener nacks) {
    this.publisher = publisher;
    this.typeUrls = Set.copyOf(typeUrls);
    this.metrics = metrics;
    this.nacks = nacks;
  }

  @Override
  public StreamObserver<DiscoveryRequest> streamAggregatedResources(
      StreamObserver<DiscoveryResponse> responses) {
    metrics.streamFailed();
    responses.onError(Status.UNIMPLEMENTED.withDescription(SOTW_REFUSED).asRuntimeException());
    return new StreamObserver<>() {
      @Override
      public void onNext(DiscoveryRequest request) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  @Override
  public StreamObserver<DeltaDiscoveryRequest> deltaAggregatedResources(
      StreamObserver<DeltaDiscoveryResponse> responses) {
    return new DeltaStream(responses, publisher, typeUrls, metrics, nacks, nonces);
  }
}
