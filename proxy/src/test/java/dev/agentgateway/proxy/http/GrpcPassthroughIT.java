package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.grpc.EchoGrpc;
import dev.agentgateway.proxy.testing.grpc.EchoReply;
import dev.agentgateway.proxy.testing.grpc.EchoRequest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real grpc-java client and server talk through the proxy over HTTP/2 cleartext. */
class GrpcPassthroughIT {
  private static ExecutorService executor;
  private static Server server;
  private static ProxyFixture proxy;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .executor(executor)
            .addService(new EchoService())
            .build()
            .start();
    proxy = ProxyFixture.start(route("grpc", "/", null, local(server.getPort())));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    proxy.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    executor.shutdownNow();
  }

  @Test
  void unaryCallPassesThrough() throws Exception {
    EchoReply reply =
        EchoGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .unary(EchoRequest.newBuilder().setText("hello").build());
    assertEquals("echo: hello", reply.getText());
    RequestLog log = proxy.nextLog();
    assertEquals("/agw.test.Echo/Unary", log.path());
    assertEquals("HTTP/2.0", log.protocol());
    assertEquals(200, log.status());
  }

  @Test
  void serverStreamingPassesEveryMessageAndTheStatus() {
    Iterator<EchoReply> replies =
        EchoGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).stream(
            EchoRequest.newBuilder().setText("s").setCount(5).build());
    List<String> texts = new ArrayList<>();
    replies.forEachRemaining(r -> texts.add(r.getText() + "#" + r.getIndex()));
    assertEquals(List.of("s#0", "s#1", "s#2", "s#3", "s#4"), texts);
  }

  @Test
  void errorStatusAndMessageReachTheClient() {
    StatusRuntimeException error =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                EchoGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .unary(EchoRequest.newBuilder().setText("fail").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    assertEquals("no fail please", error.getStatus().getDescription());
  }

  @Test
  void errorAfterMessagesKeepsTheMessagesAndTheStatus() {
    Iterator<EchoReply> replies =
        EchoGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).stream(
            EchoRequest.newBuilder().setText("fail").setCount(2).build());
    assertEquals("fail", replies.next().getText());
    assertEquals("fail", replies.next().getText());
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, replies::next);
    assertEquals(Status.Code.ABORTED, error.getStatus().getCode());
  }

  /** Echoes text; "fail" makes the call fail after sending {@code count} messages. */
  private static final class EchoService extends EchoGrpc.EchoImplBase {
    @Override
    public void unary(EchoRequest request, StreamObserver<EchoReply> responses) {
      if (request.getText().equals("fail")) {
        responses.onError(Status.INVALID_ARGUMENT.withDescription("no fail please").asException());
        return;
      }
      responses.onNext(EchoReply.newBuilder().setText("echo: " + request.getText()).build());
      responses.onCompleted();
    }

    @Override
    public void stream(EchoRequest request, StreamObserver<EchoReply> responses) {
      for (int i = 0; i < request.getCount(); i++) {
        responses.onNext(EchoReply.newBuilder().setText(request.getText()).setIndex(i).build());
      }
      if (request.getText().equals("fail")) {
        responses.onError(Status.ABORTED.withDescription("stopped").asException());
      } else {
        responses.onCompleted();
      }
    }
  }
}
