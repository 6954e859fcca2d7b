package dev.agentgateway.control.xds.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.ServerSecurity;
import dev.agentgateway.control.xds.server.XdsMetrics;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Node;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bearer-token check on a real xDS server, with a token table standing in for TokenReview. */
class BearerTokenInterceptorIT {
  private static final long WAIT_SECONDS = 10;
  private static final GatewayKey GW = new GatewayKey("ns", "gw");
  private static final Map<String, Authentication> TOKENS =
      Map.of(
          "gw-token", new Authentication.Accepted(GW),
          "other-token", new Authentication.Accepted(new GatewayKey("ns", "other")),
          "expired", new Authentication.Refused("token not authenticated: token expired"));

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<Boolean> reviewedOnVirtualThread = new CopyOnWriteArrayList<>();
  private XdsMetrics metrics;
  private XdsServer server;

  @BeforeEach
  void setUp() {
    XdsPublisher publisher = new XdsPublisher(Duration.ZERO);
    resources.add(publisher);
    publisher.publish(GW, List.of(new Bind("b1", 3000)));
    metrics = new XdsMetrics();
    TokenAuthenticator table =
        token -> {
          reviewedOnVirtualThread.add(Thread.currentThread().isVirtual());
          if (token.equals("api-down")) {
            throw new ReviewUnavailableException("TokenReview failed: HTTP 503", null);
          }
          return TOKENS.getOrDefault(token, new Authentication.Refused("unknown token"));
        };
    server =
        XdsServer.start(
            XdsServer.Options.onPort(0),
            new ServerSecurity(
                InsecureServerCredentials.create(),
                List.of(new BearerTokenInterceptor(table, metrics))),
            metrics,
            publisher,
            (gateway, message) -> {});
    resources.addFirst(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  @Test
  void theGatewaysOwnServiceAccountIsServedOnAVirtualThreadReview() throws Exception {
    Stream stream = stream("Bearer gw-token");
    assertEquals(1, stream.next().getResourcesCount());
    assertEquals(1, metrics.authSuccessesTotal());
    assertEquals(1, metrics.authRequestsTotal());
    assertEquals(List.of(true), reviewedOnVirtualThread, "the review did not run on an event loop");
  }

  @Test
  void anotherGatewaysServiceAccountIsDenied() throws Exception {
    Status status = stream("Bearer other-token").status();
    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
    assertEquals(
        "requested gateway ns/gw but authenticated as ServiceAccount ns/other",
        status.getDescription());
    assertHealthyClientStillServed();
  }

  @Test
  void missingTokenIsUnauthenticated() throws Exception {
    Status status = stream(null).status();
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertEquals("missing authorization: Bearer <token>", status.getDescription());
    assertEquals(List.of(), reviewedOnVirtualThread, "nothing to review");
    assertEquals(1, metrics.authFailuresTotal());
    assertHealthyClientStillServed();
  }

  @Test
  void nonBearerAuthorizationIsUnauthenticated() throws Exception {
    Status status = stream("Basic Z3c6cHc=").status();
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertEquals("authorization header is not Bearer <token>", status.getDescription());
    assertEquals(Status.Code.UNAUTHENTICATED, stream("Bearer  ").status().getCode());
    assertHealthyClientStillServed();
  }

  @Test
  void refusedTokenIsUnauthenticatedWithTheReason() throws Exception {
    Status status = stream("Bearer expired").status();
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertEquals("token not authenticated: token expired", status.getDescription());
    assertHealthyClientStillServed();
  }

  @Test
  void unreachableApiServerIsUnavailableSoTheProxyRetries() throws Exception {
    Status status = stream("Bearer api-down").status();
    assertEquals(Status.Code.UNAVAILABLE, status.getCode());
    assertEquals(
        "cannot check the token now: TokenReview failed: HTTP 503", status.getDescription());
    assertEquals(1, metrics.authFailuresTotal());
    assertHealthyClientStillServed();
  }

  private void assertHealthyClientStillServed() throws Exception {
    assertEquals(1, stream("Bearer gw-token").next().getResourcesCount());
  }

  /** Opens a stream with {@code authorization} (none when null) subscribing as ns~gw. */
  private Stream stream(String authorization) {
    Stream stream = new Stream(server.port(), authorization);
    resources.addFirst(stream);
    return stream;
  }

  /** One Delta stream from a plain grpc-java client. */
  private static final class Stream implements AutoCloseable {
    private final ManagedChannel channel;
    private final LinkedBlockingQueue<DeltaDiscoveryResponse> responses =
        new LinkedBlockingQueue<>();
    private final CompletableFuture<Status> closed = new CompletableFuture<>();

    Stream(int port, String authorization) {
      channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      var stub = AggregatedDiscoveryServiceGrpc.newStub(channel);
      if (authorization != null) {
        Metadata headers = new Metadata();
        headers.put(BearerTokenInterceptor.AUTHORIZATION, authorization);
        stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
      }
      StreamObserver<DeltaDiscoveryRequest> requests =
          stub.deltaAggregatedResources(
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
      requests.onNext(
          DeltaDiscoveryRequest.newBuilder()
              .setNode(
                  Node.newBuilder()
                      .setId("proxy-1")
                      .setMetadata(
                          Struct.newBuilder()
                              .putFields(
                                  "role", Value.newBuilder().setStringValue("ns~gw").build())))
              .setTypeUrl(XdsResources.TYPE_URL)
              .build());
    }

    DeltaDiscoveryResponse next() throws InterruptedException {
      DeltaDiscoveryResponse r = responses.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(r, "no xDS response within " + WAIT_SECONDS + " s");
      return r;
    }

    Status status() throws Exception {
      Status status = closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertFalse(status.isOk(), "stream should have been refused");
      assertTrue(responses.isEmpty(), "a refused stream got no configuration");
      return status;
    }

    @Override
    public void close() throws InterruptedException {
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
