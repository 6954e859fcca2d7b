package dev.agentgateway.control.xds.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.agentgateway.model.xds.ProtoToIr;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Node;
import dev.agentgateway.model.xds.proto.Resource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A grpc-java Delta ADS client over loopback plaintext that records what it receives. */
final class AdsTestClient implements AutoCloseable {
  static final long WAIT_SECONDS = 10;

  final ManagedChannel channel;
  final LinkedBlockingQueue<DeltaDiscoveryResponse> responses = new LinkedBlockingQueue<>();
  final CompletableFuture<Status> closed = new CompletableFuture<>();
  private StreamObserver<DeltaDiscoveryRequest> requests;

  AdsTestClient(int port) {
    channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
  }

  /** Opens a Delta stream. */
  AdsTestClient open() {
    requests =
        AggregatedDiscoveryServiceGrpc.newStub(channel)
            .deltaAggregatedResources(
                new StreamObserver<>() {
                  @Override
                  public void onNext(DeltaDiscoveryResponse value) {
                    responses.add(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    closed.complete(Status.fromThrowable(t));
                  }

                  @Override
                  public void onCompleted() {
                    closed.complete(Status.OK);
                  }
                });
    return this;
  }

  /** A node with {@code id} and metadata role {@code role}. */
  static Node node(String id, String role) {
    return Node.newBuilder()
        .setId(id)
        .setMetadata(
            Struct.newBuilder().putFields("role", Value.newBuilder().setStringValue(role).build()))
        .build();
  }

  /** Sends the first, wildcard request of our type for {@code role}. */
  AdsTestClient subscribe(String role, Map<String, String> knownVersions) {
    send(
        DeltaDiscoveryRequest.newBuilder()
            .setNode(node("proxy-" + role, role))
            .setTypeUrl(XdsResources.TYPE_URL)
            .putAllInitialResourceVersions(knownVersions)
            .build());
    return this;
  }

  void send(DeltaDiscoveryRequest request) {
    requests.onNext(request);
  }

  void ack(DeltaDiscoveryResponse response) {
    send(
        DeltaDiscoveryRequest.newBuilder()
            .setTypeUrl(response.getTypeUrl())
            .setResponseNonce(response.getNonce())
            .build());
  }

  /** The next response, failing after a bounded wait. */
  DeltaDiscoveryResponse next() throws InterruptedException {
    DeltaDiscoveryResponse r = responses.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(r, "no xDS response within " + WAIT_SECONDS + " s");
    return r;
  }

  /** The status the server closed the stream with, failing after a bounded wait. */
  Status status() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The IR values of a response by xDS name, with their versions checked to be set. */
  static Map<String, Object> decode(DeltaDiscoveryResponse response) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var r : response.getResourcesList()) {
      if (r.getVersion().isEmpty()) {
        fail("resource " + r.getName() + " has no version");
      }
      try {
        out.put(r.getName(), ProtoToIr.decode(r.getResource().unpack(Resource.class)));
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("resource " + r.getName() + " is not a Resource", e);
      }
    }
    return out;
  }

  /** Name to version of every resource in a response. */
  static Map<String, String> versions(DeltaDiscoveryResponse response) {
    Map<String, String> out = new LinkedHashMap<>();
    response.getResourcesList().forEach(r -> out.put(r.getName(), r.getVersion()));
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }
}
