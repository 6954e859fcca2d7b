package dev.agentgateway.proxy.xds;

import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real Delta ADS server on loopback standing in for the controller: it admits only the expected
 * node role, records every request and sends what the test pushes on the latest stream.
 */
final class ScriptedAdsServer implements AutoCloseable {
  private final String expectedRole;
  private final BlockingQueue<DeltaDiscoveryRequest> requests = new LinkedBlockingQueue<>();
  private final AtomicReference<StreamObserver<DeltaDiscoveryResponse>> stream =
      new AtomicReference<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private Server server;
  private int port;

  ScriptedAdsServer(String expectedRole) {
    this.expectedRole = expectedRole;
  }

  /** Starts on {@code port} (0 picks one; the same port again after {@link #stop()}). */
  ScriptedAdsServer start(int port) throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .executor(executor)
            .addService(new Service())
            .build()
            .start();
    this.port = server.getPort();
    return this;
  }

  int port() {
    return port;
  }

  /** The next request the proxy sent, waiting up to {@code timeout}; null when none came. */
  DeltaDiscoveryRequest nextRequest(Duration timeout) throws InterruptedException {
    return requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True while a proxy stream is open. */
  boolean connected() {
    return stream.get() != null;
  }

  /** Sends {@code response} on the open stream. */
  void push(DeltaDiscoveryResponse response) {
    StreamObserver<DeltaDiscoveryResponse> s = stream.get();
    if (s == null) {
      throw new IllegalStateException("no proxy connected");
    }
    s.onNext(response);
  }

  /** Stops the server and cuts the streams. */
  void stop() throws InterruptedException {
    stream.set(null);
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    executor.shutdownNow();
  }

  private final class Service
      extends AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceImplBase {
    @Override
    public StreamObserver<DeltaDiscoveryRequest> deltaAggregatedResources(
        StreamObserver<DeltaDiscoveryResponse> responses) {
      return new StreamObserver<>() {
        private boolean first = true;

        @Override
        public void onNext(DeltaDiscoveryRequest request) {
          if (first) {
            first = false;
            String role =
                request.getNode().getMetadata().getFieldsMap().containsKey("role")
                    ? request.getNode().getMetadata().getFieldsOrThrow("role").getStringValue()
                    : "";
            if (!expectedRole.equals(role)) {
              responses.onError(
                  Status.PERMISSION_DENIED
                      .withDescription("unexpected role " + role)
                      .asException());
              return;
            }
            stream.set(responses);
          }
          requests.add(request);
        }

        @Override
        public void onError(Throwable t) {
          stream.compareAndSet(responses, null);
        }

        @Override
        public void onCompleted() {
          stream.compareAndSet(responses, null);
          responses.onCompleted();
        }
      };
    }
  }
}
