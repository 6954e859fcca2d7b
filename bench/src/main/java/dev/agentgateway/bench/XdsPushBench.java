package dev.agentgateway.bench;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.ValueMatch;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Node;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * xDS push cost (bench/xds-push.sh): the controller's real {@link XdsServer} on loopback, N Delta
 * ADS clients of one Gateway that ACK every response, and for several route counts: the time from
 * {@code publish} until every client holds the full configuration, the bytes the server sent for
 * it, and the same for changing, adding and removing one route. The point of the table is that the
 * last three stay flat in bytes as the route count grows (Delta xDS sends only what changed).
 *
 * <p>The publisher runs without debounce so the figures are the server's own work, not the window.
 */
public final class XdsPushBench {
  private static final GatewayKey GATEWAY = new GatewayKey("bench", "gw");
  private static final Duration WAIT = Duration.ofSeconds(120);
  // What the proxy's xDS client accepts (XdsClient's inbound limit); larger pushes are flagged.
  private static final int PROXY_MAX_INBOUND = 256 << 20;

  private XdsPushBench() {}

  /** Args: route counts (comma-separated), clients, repetitions. */
  public static void main(String[] args) throws Exception {
    int[] counts =
        Arrays.stream((args.length > 0 ? args[0] : "500,5000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    if (clients < 1 || reps < 1 || Arrays.stream(counts).anyMatch(c -> c < 2)) {
      System.err.println("usage: XdsPushBench [routes,routes,...] [clients>=1] [reps>=1]");
      System.exit(2);
    }
    System.out.printf(
        "xDS push: %d Delta ADS clients of one Gateway, %d repetitions per size, median shown%n",
        clients, reps);
    // One untimed round so class loading and JIT warm-up do not land in the first size's figures.
    runOnce(Math.min(counts[0], 500), clients);

    List<Row> rows = new ArrayList<>();
    for (int routes : counts) {
      List<Map<String, Step>> runs = new ArrayList<>();
      for (int rep = 0; rep < reps; rep++) {
        runs.add(runOnce(routes, clients));
        System.err.printf("  %d routes: repetition %d/%d done%n", routes, rep + 1, reps);
      }
      for (String op : runs.get(0).keySet()) {
        rows.add(Row.median(routes, op, runs.stream().map(r -> r.get(op)).toList()));
      }
    }
    print(rows, clients);
  }

  /** What one operation cost in one repetition. */
  record Step(
      double publishMs, double convergeMs, long serverBytes, long bytesPerClient, long largest) {}

  /** The medians of one operation at one route count. */
  record Row(
      int routes,
      String op,
      double publishMs,
      double convergeMs,
      long serverBytes,
      long bytesPerClient,
      long largest) {
    static Row median(int routes, String op, List<Step> steps) {
      return new Row(
          routes,
          op,
          medianOf(steps.stream().mapToDouble(Step::publishMs).toArray()),
          medianOf(steps.stream().mapToDouble(Step::convergeMs).toArray()),
          (long) medianOf(steps.stream().mapToDouble(Step::serverBytes).toArray()),
          (long) medianOf(steps.stream().mapToDouble(Step::bytesPerClient).toArray()),
          steps.stream().mapToLong(Step::largest).max().orElse(0));
    }
  }

  private static double medianOf(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * A fresh server and clients; the initial push, then one changed, one added, one removed route.
   */
  private static Map<String, Step> runOnce(int routes, int clientCount) throws Exception {
    Map<String, Step> steps = new LinkedHashMap<>();
    try (XdsPublisher publisher = new XdsPublisher(Duration.ZERO);
        XdsServer server =
            XdsServer.start(
                new XdsServer.Options(0, 4 << 20, Set.of(XdsResources.TYPE_URL)),
                publisher,
                (gateway, message) ->
                    System.err.println("NACK from " + gateway + ": " + message))) {
      List<Client> clients = new ArrayList<>();
      try {
        for (int i = 0; i < clientCount; i++) {
          clients.add(new Client(server.port(), "proxy-" + i));
        }
        awaitTrue("clients connected", () -> server.metrics().connectedProxies() == clientCount);

        List<Object> config = config(routes);
        steps.put(
            "initial push",
            measure(
                server,
                publisher,
                clients,
                config,
                held -> held.size() == routes + 2 && held.containsKey(routeName(routes - 1))));

        int middle = routes / 2;
        String changedName = routeName(middle);
        String before = clients.get(0).version(changedName);
        config.set(2 + middle, route(middle, 1));
        steps.put(
            "change 1 route",
            measure(
                server,
                publisher,
                clients,
                config,
                held -> held.containsKey(changedName) && !held.get(changedName).equals(before)));

        config.add(route(routes, 0));
        String added = routeName(routes);
        steps.put(
            "add 1 route",
            measure(server, publisher, clients, config, held -> held.containsKey(added)));

        config.remove(config.size() - 1);
        steps.put(
            "remove 1 route",
            measure(server, publisher, clients, config, held -> !held.containsKey(added)));
      } finally {
        for (Client c : clients) {
          c.close();
        }
      }
    }
    return steps;
  }

  /** Publishes {@code config} and waits until every client's resources satisfy {@code done}. */
  private static Step measure(
      XdsServer server,
      XdsPublisher publisher,
      List<Client> clients,
      List<Object> config,
      Predicate<Map<String, String>> done)
      throws Exception {
    long bytesBefore = server.metrics().bytesSentTotal();
    long pushesBefore = server.metrics().pushesTotal();
    long[] receivedBefore = clients.stream().mapToLong(Client::bytesReceived).toArray();
    clients.forEach(Client::resetLargest);
    CountDownLatch converged = new CountDownLatch(clients.size());
    clients.forEach(c -> c.expect(done, converged));
    long start = System.nanoTime();
    publisher.publish(GATEWAY, config);
    long published = System.nanoTime();
    if (!converged.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("clients did not converge within " + WAIT);
    }
    long last = clients.stream().mapToLong(Client::convergedAt).max().orElseThrow();
    // The server counts a push just after handing it to gRPC: wait for the count to catch up.
    awaitTrue(
        "pushes counted", () -> server.metrics().pushesTotal() >= pushesBefore + clients.size());
    long received = 0;
    long largest = 0;
    for (int i = 0; i < clients.size(); i++) {
      received += clients.get(i).bytesReceived() - receivedBefore[i];
      largest = Math.max(largest, clients.get(i).largestResponse());
    }
    return new Step(
        (published - start) / 1e6,
        (last - start) / 1e6,
        server.metrics().bytesSentTotal() - bytesBefore,
        received / clients.size(),
        largest);
  }

  private static void awaitTrue(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(1);
    }
  }

  /** One bind, one listener and {@code routes} routes, as a mutable list to edit one route. */
  static List<Object> config(int routes) {
    List<Object> all = new ArrayList<>(routes + 3);
    all.add(new Bind("bench-bind", 8080));
    all.add(new Listener("bench-listener", "bench-bind", "http", null, ListenerProtocol.HTTP));
    for (int i = 0; i < routes; i++) {
      all.add(route(i, 0));
    }
    return all;
  }

  /**
   * Route {@code i}, shaped like an HTTPRoute rule of a busy cluster: one of 50 hostnames, a path
   * prefix of its own, an exact-path alternative on every fifth and a header match on every tenth,
   * and its own backend; {@code revision} changes the backend port.
   */
  static Route route(int i, int revision) {
    String service = "svc-" + i;
    List<RouteMatch> matches = new ArrayList<>();
    List<HeaderMatch> headers =
        i % 10 == 0
            ? List.of(new HeaderMatch("x-tenant", new ValueMatch.Exact("tenant-" + i % 97)))
            : List.of();
    matches.add(
        new RouteMatch(new PathMatch.Prefix("/api/v1/" + service), null, headers, List.of()));
    if (i % 5 == 0) {
      matches.add(
          new RouteMatch(new PathMatch.Exact("/healthz/" + service), "GET", List.of(), List.of()));
    }
    return new Route(
        "bench/route-" + i + "/rule-0",
        "bench-listener",
        "route-" + i,
        "team-" + i % 20,
        "rule-0",
        List.of("app-" + i % 50 + ".example.com"),
        matches,
        null,
        List.of(
            new RouteBackend(
                new Backend.Host(
                    service + ".team-" + i % 20 + ".svc.cluster.local", 8080 + revision),
                1)),
        i);
  }

  /** The xDS name the server gives route {@code i}. */
  private static String routeName(int i) {
    return XdsResources.name(route(i, 0));
  }

  private static void print(List<Row> rows, int clients) {
    System.out.printf(
        "%n%-8s %-15s %12s %12s %14s %14s %14s%n",
        "routes",
        "operation",
        "publish_ms",
        "converge_ms",
        "server_bytes",
        "bytes/client",
        "largest_resp");
    for (Row r : rows) {
      System.out.printf(
          "%-8d %-15s %12.2f %12.2f %14d %14d %14d%s%n",
          r.routes(),
          r.op(),
          r.publishMs(),
          r.convergeMs(),
          r.serverBytes(),
          r.bytesPerClient(),
          r.largest(),
          r.largest() > PROXY_MAX_INBOUND ? "  > 256 MiB: the proxy's client refuses it" : "");
    }
    System.out.printf(
        "%npublish_ms: publish() call (IR to protos, hashing, snapshot) with debounce off;"
            + " converge_ms: publish() to the last of %d clients holding the change;%n"
            + "server_bytes: XdsMetrics.bytesSentTotal delta (protobuf size, all clients);"
            + " largest_resp: largest single response one client received for it.%n",
        clients);
  }

  /** A Delta ADS client that ACKs every response and keeps the name-to-version map it holds. */
  private static final class Client implements AutoCloseable {
    private final ManagedChannel channel;
    private final StreamObserver<DeltaDiscoveryRequest> requests;
    private final Map<String, String> held = new HashMap<>();
    private long bytesReceived;
    private long largestResponse;
    private Predicate<Map<String, String>> done = held -> false;
    private CountDownLatch converged;
    private long convergedAt;
    private volatile boolean closing;

    Client(int port, String id) {
      channel =
          NettyChannelBuilder.forAddress("127.0.0.1", port)
              .usePlaintext()
              .maxInboundMessageSize(Integer.MAX_VALUE)
              .build();
      requests =
          AggregatedDiscoveryServiceGrpc.newStub(channel)
              .deltaAggregatedResources(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(DeltaDiscoveryResponse response) {
                      apply(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                      if (!closing) {
                        System.err.println(id + ": stream failed: " + t);
                      }
                    }

                    @Override
                    public void onCompleted() {}
                  });
      requests.onNext(
          DeltaDiscoveryRequest.newBuilder()
              .setNode(
                  Node.newBuilder()
                      .setId(id)
                      .setMetadata(
                          Struct.newBuilder()
                              .putFields(
                                  "role",
                                  Value.newBuilder()
                                      .setStringValue(GATEWAY.namespace() + "~" + GATEWAY.name())
                                      .build())))
              .setTypeUrl(XdsResources.TYPE_URL)
              .build());
    }

    private void apply(DeltaDiscoveryResponse response) {
      long now;
      synchronized (this) {
        response.getResourcesList().forEach(r -> held.put(r.getName(), r.getVersion()));
        response.getRemovedResourcesList().forEach(held::remove);
        int size = response.getSerializedSize();
        bytesReceived += size;
        largestResponse = Math.max(largestResponse, size);
        now = System.nanoTime();
        if (converged != null && done.test(held)) {
          convergedAt = now;
          converged.countDown();
          converged = null;
        }
      }
      // gRPC calls onNext serially, so ACKs go out in order without further locking.
      requests.onNext(
          DeltaDiscoveryRequest.newBuilder()
              .setTypeUrl(response.getTypeUrl())
              .setResponseNonce(response.getNonce())
              .build());
    }

    synchronized void expect(Predicate<Map<String, String>> condition, CountDownLatch latch) {
      done = condition;
      converged = latch;
    }

    synchronized String version(String name) {
      return held.get(name);
    }

    synchronized long bytesReceived() {
      return bytesReceived;
    }

    synchronized long largestResponse() {
      return largestResponse;
    }

    synchronized void resetLargest() {
      largestResponse = 0;
    }

    synchronized long convergedAt() {
      return convergedAt;
    }

    @Override
    public void close() throws InterruptedException {
      closing = true;
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
