package dev.agentgateway.proxy.policy.extauth;

import dev.agentgateway.model.envoy.auth.AuthorizationGrpc;
import dev.agentgateway.model.envoy.auth.CheckRequest;
import dev.agentgateway.model.envoy.auth.CheckResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real gRPC server on a free loopback port implementing Envoy's {@code Authorization} API with
 * the generated stubs; it answers each check with {@code decide} and records the requests.
 */
final class AuthorizationServer implements AutoCloseable {
  private final Server server;
  private final List<CheckRequest> seen = new CopyOnWriteArrayList<>();

  private AuthorizationServer(Function<CheckRequest, CheckResponse> decide) {
    AuthorizationGrpc.AuthorizationImplBase service =
        new AuthorizationGrpc.AuthorizationImplBase() {
          @Override
          public void check(CheckRequest request, StreamObserver<CheckResponse> answer) {
            seen.add(request);
            answer.onNext(decide.apply(request));
            answer.onCompleted();
          }
        };
    try {
      this.server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .addService(service)
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AuthorizationServer start(Function<CheckRequest, CheckResponse> decide) {
    return new AuthorizationServer(decide);
  }

  int port() {
    return server.getPort();
  }

  /** The checks received, in order. */
  List<CheckRequest> seen() {
    return seen;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
