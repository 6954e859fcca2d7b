package dev.agentgateway.control.xds.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.DiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DiscoveryResponse;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XdsServerIT {
  private static final GatewayKey GW = new GatewayKey("ns", "gw");
  private static final GatewayKey OTHER = new GatewayKey("ns", "other");
  private static final int MAX_INBOUND = 64 * 1024;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<String> nacks = new CopyOnWriteArrayList<>();
  private XdsPublisher publisher;
  private XdsServer server;

  private void start(Duration debounce) {
    publisher = new XdsPublisher(debounce);
    resources.add(publisher);
    server =
        XdsServer.start(
            new XdsServer.Options(0, MAX_INBOUND, Set.of(XdsResources.TYPE_URL)),
            publisher,
            (gateway, message) -> nacks.add(gateway + ": " + message));
    resources.add(0, server);
  }

  private AdsTestClient client() {
    AdsTestClient c = new AdsTestClient(server.port()).open();
    resources.add(0, c);
    return c;
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  private static Route route(String key, int order) {
    return new Route(key, "l1", null, null, null, List.of(), List.of(), null, List.of(), order);
  }

  private static List<Object> config(Object... routes) {
    List<Object> all = new ArrayList<>();
    all.add(new Bind("b1", 3000));
    all.add(new Listener("l1", "b1", "l1", null, ListenerProtocol.HTTP));
    all.addAll(List.of(routes));
    return all;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AdsTestClient.WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void initialSubscribeSendsTheGatewaysResources() throws Exception {
    start(Duration.ZERO);
    Route r1 = route("r1", 0);
    publisher.publish(GW, config(r1));
    AdsTestClient c = client().subscribe("ns~gw", Map.of());

    DeltaDiscoveryResponse initial = c.next();
    assertEquals(XdsResources.TYPE_URL, initial.getTypeUrl());
    assertTrue(!initial.getNonce().isEmpty() && !initial.getSystemVersionInfo().isEmpty());
    assertEquals(
        Map.of(
            "bind/b1",
            new Bind("b1", 3000),
            "listener/l1",
            new Listener("l1", "b1", "l1", null, ListenerProtocol.HTTP),
            "route/r1",
            r1),
        AdsTestClient.decode(initial));
    await("connected proxy", () -> server.metrics().connectedProxies() == 1);
  }

  @Test
  void publishAfterAckPushesOnlyTheChangedRouteAndRemovedNames() throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0), route("r2", 0)));
    AdsTestClient c = client().subscribe("ns~gw", Map.of());
    DeltaDiscoveryResponse initial = c.next();
    c.ack(initial);

    Route changed = route("r1", 7);
    publisher.publish(GW, config(changed));
    DeltaDiscoveryResponse push = c.next();

    assertEquals(Map.of("route/r1", changed), AdsTestClient.decode(push));
    assertEquals(List.of("route/r2"), push.getRemovedResourcesList());
    assertTrue(!push.getNonce().equals(initial.getNonce()));
    await("push latency recorded", () -> server.metrics().pushLatencyCount() == 1);
    assertEquals(2, server.metrics().pushesTotal());
  }

  @Test
  void bytesSentCountsTheSerializedSizeOfEveryResponse() throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0), route("r2", 0)));
    AdsTestClient c = client().subscribe("ns~gw", Map.of());
    DeltaDiscoveryResponse initial = c.next();
    c.ack(initial);
    publisher.publish(GW, config(route("r1", 1), route("r2", 0)));
    DeltaDiscoveryResponse push = c.next();

    assertEquals(1, push.getResourcesCount());
    await("two pushes counted", () -> server.metrics().pushesTotal() == 2);
    assertEquals(
        initial.getSerializedSize() + push.getSerializedSize(), server.metrics().bytesSentTotal());
  }

  @Test
  void anotherGatewaysStreamIsNotNotified() throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0)));
    publisher.publish(OTHER, config(route("o1", 0)));
    AdsTestClient gw = client().subscribe("ns~gw", Map.of());
    AdsTestClient other = client().subscribe("ns~other", Map.of());
    assertTrue(AdsTestClient.decode(gw.next()).containsKey("route/r1"));
    assertTrue(AdsTestClient.decode(other.next()).containsKey("route/o1"));

    publisher.publish(GW, config(route("r1", 1)));
    gw.next();
    // A later push to the other gateway must be the first thing its stream sees.
    publisher.publish(OTHER, config(route("o1", 1)));
    assertEquals(Map.of("route/o1", route("o1", 1)), AdsTestClient.decode(other.next()));
  }

  @Test
  void reconnectWithInitialVersionsGetsOnlyWhatChanged() throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0), route("r2", 0)));
    AdsTestClient first = client().subscribe("ns~gw", Map.of());
    Map<String, String> known = AdsTestClient.versions(first.next());
    first.close();

    publisher.publish(GW, config(route("r1", 0), route("r3", 0)));
    AdsTestClient again = client().subscribe("ns~gw", known);
    DeltaDiscoveryResponse delta = again.next();

    assertEquals(Map.of("route/r3", route("r3", 0)), AdsTestClient.decode(delta));
    assertEquals(List.of("route/r2"), delta.getRemovedResourcesList());
  }

  @Test
  void nackIsCountedAndReachesTheListener() throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0)));
    AdsTestClient c = client().subscribe("ns~gw", Map.of());
    DeltaDiscoveryResponse initial = c.next();

    // A stale nonce is ignored; the current one is the NACK that counts.
    c.send(nack("stale-nonce", "old"));
    c.send(nack(initial.getNonce(), "route/r1: matches[0].path: bad regex"));

    await("NACK", () -> !nacks.isEmpty());
    assertEquals(1, server.metrics().rejectsTotal());
    assertEquals(List.of("ns/gw: route/r1: matches[0].path: bad regex"), nacks);
  }

  private static DeltaDiscoveryRequest nack(String nonce, String message) {
    return DeltaDiscoveryRequest.newBuilder()
        .setTypeUrl(XdsResources.TYPE_URL)
        .setResponseNonce(nonce)
        .setErrorDetail(com.google.rpc.Status.newBuilder().setCode(3).setMessage(message))
        .build();
  }

  @Test
  void stateOfTheWorldStreamIsRefused() throws Exception {
    start(Duration.ZERO);
    AdsTestClient c = client();
    CompletableFuture<Status> status = new CompletableFuture<>();
    StreamObserver<DiscoveryRequest> requests =
        AggregatedDiscoveryServiceGrpc.newStub(c.channel)
            .streamAggregatedResources(
                new StreamObserver<DiscoveryResponse>() {
                  @Override
                  public void onNext(DiscoveryResponse value) {}

                  @Override
                  public void onError(Throwable t) {
                    status.complete(Status.fromThrowable(t));
                  }

                  @Override
                  public void onCompleted() {
                    status.complete(Status.OK);
                  }
                });
    requests.onNext(DiscoveryRequest.newBuilder().setTypeUrl(XdsResources.TYPE_URL).build());

    Status refused = status.get(AdsTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(Status.Code.UNIMPLEMENTED, refused.getCode());
    assertEquals("state-of-the-world xDS is not supported; use delta", refused.getDescription());
  }

  @Test
  void unknownTypeUrlFailsOnlyThatStream() throws Exception {
    assertBadStreamFailsAlone(
        c ->
            c.send(
                DeltaDiscoveryRequest.newBuilder()
                    .setNode(AdsTestClient.node("p", "ns~gw"))
                    .setTypeUrl("type.googleapis.com/envoy.config.cluster.v3.Cluster")
                    .build()),
        Status.Code.INVALID_ARGUMENT,
        "unknown type URL 'type.googleapis.com/envoy.config.cluster.v3.Cluster'");
  }

  @Test
  void missingNodeIdFailsOnlyThatStream() throws Exception {
    assertBadStreamFailsAlone(
        c -> c.send(DeltaDiscoveryRequest.newBuilder().setTypeUrl(XdsResources.TYPE_URL).build()),
        Status.Code.INVALID_ARGUMENT,
        "missing node id");
  }

  @Test
  void badRoleFailsOnlyThatStream() throws Exception {
    assertBadStreamFailsAlone(
        c -> c.subscribe("no-tilde", Map.of()),
        Status.Code.INVALID_ARGUMENT,
        "node role 'no-tilde' must be <namespace>~<gateway>");
  }

  @Test
  void oversizedMessageFailsOnlyThatStream() throws Exception {
    assertBadStreamFailsAlone(
        c ->
            c.send(
                DeltaDiscoveryRequest.newBuilder()
                    .setNode(AdsTestClient.node("x".repeat(MAX_INBOUND + 1), "ns~gw"))
                    .setTypeUrl(XdsResources.TYPE_URL)
                    .build()),
        Status.Code.RESOURCE_EXHAUSTED,
        "");
  }

  @Test
  void malformedMessageFailsOnlyThatStream() throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0)));
    AdsTestClient healthy = client().subscribe("ns~gw", Map.of());
    healthy.next();

    AdsTestClient bad = client();
    ClientCall<byte[], byte[]> call = bad.channel.newCall(rawDeltaMethod(), CallOptions.DEFAULT);
    CompletableFuture<Status> status = new CompletableFuture<>();
    call.start(
        new ClientCall.Listener<>() {
          @Override
          public void onClose(Status s, Metadata trailers) {
            status.complete(s);
          }
        },
        new Metadata());
    call.request(1);
    // Field 1 (node) as a length-delimited value claiming 100 bytes, followed by only 1.
    call.sendMessage(new byte[] {0x0a, 0x64, 0x01});
    call.halfClose();

    Status s = status.get(AdsTestClient.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), s.toString());
    assertEquals("request is not a valid DeltaDiscoveryRequest", s.getDescription());
    assertHealthyStillReceives(healthy);
  }

  private interface BadRequest {
    void send(AdsTestClient client);
  }

  private void assertBadStreamFailsAlone(BadRequest bad, Status.Code code, String description)
      throws Exception {
    start(Duration.ZERO);
    publisher.publish(GW, config(route("r1", 0)));
    AdsTestClient healthy = client().subscribe("ns~gw", Map.of());
    healthy.next();

    AdsTestClient c = client();
    bad.send(c);
    Status status = c.status();
    assertEquals(code, status.getCode(), status.toString());
    String actual = String.valueOf(status.getDescription());
    assertTrue(actual.startsWith(description), actual);

    assertHealthyStillReceives(healthy);
    await("healthy stream still counted", () -> server.metrics().connectedProxies() == 1);
  }

  private void assertHealthyStillReceives(AdsTestClient healthy) throws Exception {
    publisher.publish(GW, config(route("r1", 0), route("r2", 0)));
    assertEquals(Map.of("route/r2", route("r2", 0)), AdsTestClient.decode(healthy.next()));
  }

  @Test
  void burstWithinTheDebounceWindowProducesOnePush() throws Exception {
    start(Duration.ofSeconds(1));
    publisher.publish(GW, config(route("r1", 0)));
    AdsTestClient c = client().subscribe("ns~gw", Map.of());
    // The first publish is itself debounced; the subscriber sees it once the window ends.
    c.ack(c.next());

    for (int i = 1; i <= 10; i++) {
      publisher.publish(GW, config(route("r1", i)));
    }
    DeltaDiscoveryResponse push = c.next();
    assertEquals(Map.of("route/r1", route("r1", 10)), AdsTestClient.decode(push));

    // Any stray push from the burst would arrive before this marker's.
    publisher.publish(GW, config(route("r1", 10), route("marker", 0)));
    assertEquals(Map.of("route/marker", route("marker", 0)), AdsTestClient.decode(c.next()));
    assertTrue(c.responses.isEmpty());
  }

  private static MethodDescriptor<byte[], byte[]> rawDeltaMethod() {
    MethodDescriptor.Marshaller<byte[]> bytes =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
          }

          @Override
          public byte[] parse(InputStream stream) {
            try {
              return stream.readAllBytes();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    return AggregatedDiscoveryServiceGrpc.getDeltaAggregatedResourcesMethod().toBuilder(
            bytes, bytes)
        .build();
  }
}
