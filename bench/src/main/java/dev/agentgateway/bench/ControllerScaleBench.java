package dev.agentgateway.bench;

import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.sync.ClusterCache;
import dev.agentgateway.control.sync.Syncer;
import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.translate.Inputs;
import dev.agentgateway.control.translate.Translation;
import dev.agentgateway.control.translate.Translator;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.cache.SnapshotCache;
import dev.agentgateway.control.xds.cache.VersionedResource;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.proto.Resource;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Controller at scale (bench/controller-scale.sh): the real {@link ControllerRuntime} against the
 * fabric8 mock API server (CRUD mode) in the same JVM. G Gateways and R HTTPRoutes are created at
 * once from several threads; the bench times how long until every status is written and every
 * Gateway's snapshot holds all its routes, the heap the converged controller holds, and the time
 * from editing one route to the new version in its Gateway's snapshot.
 *
 * <p>Convergence is read from the controller's own view (informer store for statuses, the
 * publisher's snapshot cache), so the bench does not load the mock server with 5,000 GETs a poll;
 * the API is checked once at the end. The mock server (a linear store, one watch fan-out thread) is
 * part of the wall time; the pure translate and publish costs are measured apart on the same
 * inputs.
 */
public final class ControllerScaleBench {
  private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration CHANGE_TIMEOUT = Duration.ofMinutes(2);
  // The mock web server logs every request at INFO through JUL; at 10,000+ requests that logging
  // would be a large part of what is measured. Held here so the configured logger is not collected.
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final ScaleWorkload workload;
  private final int threads;
  private final int changes;
  private KubernetesClient client;
  private ControllerRuntime controller;
  private String controllerName;
  private final List<long[]> translationSamples = new CopyOnWriteArrayList<>();

  private ControllerScaleBench(ScaleWorkload workload, int threads, int changes) {
    this.workload = workload;
    this.threads = threads;
    this.changes = changes;
  }

  /** Args: gateways, routes, creating threads, route changes. */
  public static void main(String[] args) throws Exception {
    int gateways = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int routes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int changes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    if (threads < 1 || changes < 1) {
      System.err.println(
          "usage: ControllerScaleBench [gateways] [routes] [threads>=1] [changes>=1]");
      System.exit(2);
    }
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    new ControllerScaleBench(new ScaleWorkload(gateways, routes), threads, changes).run();
    // Informer and mock-server threads are not all daemons.
    System.exit(0);
  }

  private void run() throws Exception {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    try {
      client = server.createClient();
      measure();
    } finally {
      if (controller != null) {
        controller.close();
      }
      client.close();
      server.destroy();
    }
  }

  private void measure() throws Exception {
    System.out.printf(
        "controller scale: %d Gateways in %d namespaces, %d HTTPRoutes, %d Services; "
            + "%d creating threads; load average %s%n",
        workload.gateways(),
        workload.namespaces(),
        workload.routes(),
        workload.namespaces() * workload.servicesPerNamespace(),
        threads,
        loadAverage());
    createAll(workload.base());
    long heapMockBase = heapAfterGc();
    startController();
    // A run can fail while the runtime is still registering informers (it logs and retries): wait
    // for one that succeeded.
    awaitTrue("first translation", Duration.ofMinutes(1), () -> syncer().last() != null);
    long heapIdle = heapAfterGc();
    Thread sampler = Thread.ofPlatform().daemon().name("sampler").start(this::sampleTranslations);

    long translationsBefore = syncer().translations();
    long writesBefore = syncer().statusWrites();
    long start = System.nanoTime();
    createAll(workload.burst());
    long created = System.nanoTime();
    long snapshotsAt = 0;
    long statusAt = 0;
    long translationsAtSnapshots = 0;
    long deadline = start + CONVERGE_TIMEOUT.toNanos();
    long nextProgress = start;
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Double> duringBacklog = null;
    while (snapshotsAt == 0 || statusAt == 0) {
      long now = System.nanoTime();
      if (now > deadline) {
        throw new IllegalStateException("not converged after " + CONVERGE_TIMEOUT);
      }
      int inSnapshots = routesInSnapshots();
      if (snapshotsAt == 0 && inSnapshots == workload.routes()) {
        snapshotsAt = System.nanoTime();
        translationsAtSnapshots = syncer().translations() - translationsBefore;
        duringBacklog =
            pool.submit(() -> changeRoute(workload.routes() - 1, "backlog", "during the backlog"));
      }
      int statuses = statusesWritten();
      if (statusAt == 0 && statuses == workload.routes() + workload.gateways()) {
        statusAt = System.nanoTime();
      }
      if (now >= nextProgress) {
        System.err.printf(
            "  %5.1f s: %d/%d routes in snapshots, %d/%d statuses, %d translations, %d writes%n",
            (now - start) / 1e9,
            inSnapshots,
            workload.routes(),
            statuses,
            workload.routes() + workload.gateways(),
            syncer().translations() - translationsBefore,
            syncer().statusWrites() - writesBefore);
        nextProgress = now + 5_000_000_000L;
      }
      // Polling walks 5,000 informer entries and 50 snapshot views: keep it rare enough not to
      // compete with the controller for the two cores.
      Thread.sleep(250);
    }
    double backlogChangeMs = duringBacklog.get();
    pool.shutdown();
    long translations = syncer().translations() - translationsBefore;
    long writes = syncer().statusWrites() - writesBefore;
    long heapConverged = heapAfterGc();
    histogram("converged");
    String apiCheck = verifyViaApi();
    sampler.interrupt();
    List<Long> burstTranslations = translationSamples.stream().map(s -> s[1]).toList();

    PureCost pure = pureCost();
    double[] changeMs = new double[changes];
    for (int i = 0; i < changes; i++) {
      changeMs[i] = changeRoute((i * 997 + 13) % workload.routes(), "c" + i, "change " + (i + 1));
      Thread.sleep(500); // let the status write that follows the change settle
    }
    long lastTranslation = syncer().lastTranslationNanos();
    controller.close();
    controller = null;
    Thread.sleep(2000); // informer and gRPC threads wind down asynchronously
    long heapMockAfter = heapAfterGc();
    histogram("controller closed");

    System.out.println();
    System.out.printf(
        "create burst (%d objects)          %9.0f ms%n",
        workload.gateways() + workload.routes(), ms(created - start));
    System.out.printf(
        "all snapshots hold every route      %9.0f ms  (after %d translations)%n",
        ms(snapshotsAt - start), translationsAtSnapshots);
    System.out.printf("every status written (in informer) %9.0f ms%n", ms(statusAt - start));
    System.out.printf(
        "translations during the burst      %9d    status writes %d%n", translations, writes);
    System.out.printf(
        "translation run (translate+publish+status writes), sampled %d runs:%n",
        burstTranslations.size());
    System.out.printf(
        "    median %.0f ms, max %.0f ms, sum %.0f ms%n",
        ms(median(burstTranslations)), ms(max(burstTranslations)), ms(sum(burstTranslations)));
    System.out.printf("pure cost on the converged inputs (median of 5):%n");
    System.out.printf("    Translator.translate                %7.1f ms%n", pure.translateMs);
    System.out.printf("    publish all Gateways, fresh cache   %7.1f ms%n", pure.publishFreshMs);
    System.out.printf("    publish all Gateways, unchanged     %7.1f ms%n", pure.publishSameMs);
    System.out.printf("API check: %s%n", apiCheck);
    System.out.printf(
        "heap after full GC: mock server with base objects %.1f MiB; "
            + "+ idle controller %.1f MiB; converged %.1f MiB; "
            + "controller closed (mock store only) %.1f MiB%n",
        mib(heapMockBase), mib(heapIdle), mib(heapConverged), mib(heapMockAfter));
    System.out.printf(
        "    => converged controller holds about %.1f MiB%n", mib(heapConverged - heapMockAfter));
    Arrays.sort(changeMs);
    System.out.printf(
        "one route changed -> new version in its Gateway's snapshot: median %.0f ms"
            + " (runs: %s); last translation run %.0f ms%n",
        changeMs[changes / 2],
        Arrays.toString(Arrays.stream(changeMs).map(Math::rint).toArray()),
        ms(lastTranslation));
    System.out.printf(
        "one route changed once every snapshot held every route, while statuses were"
            + " still being written: %.0f ms to its snapshot%n",
        backlogChangeMs);
    System.out.printf("load average after: %s%n", loadAverage());
  }

  private void startController() {
    ControllerSettings defaults = ControllerSettings.fromEnv(Map.of());
    controllerName = defaults.controllerName();
    ControllerSettings settings = defaults.withPorts(0, 0, 0).withLeaderElection(false);
    controller =
        ControllerRuntime.start(
            settings,
            Map.of("AGW_XDS_AUTH", "false"),
            client,
            false, // the mock API server has no server-side apply
            () -> {});
  }

  private Syncer syncer() {
    return controller.syncer();
  }

  /** Creates the objects from {@code threads} threads, as fast as the API server takes them. */
  private void createAll(List<HasMetadata> objects) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < objects.size();
                      i = next.getAndIncrement()) {
                    client.resource(objects.get(i)).create();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Records each translation run's duration (the syncer keeps only the last one). */
  private void sampleTranslations() {
    long seen = syncer().translations();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(2);
        long now = syncer().translations();
        if (now != seen) {
          Thread.sleep(1); // the count is bumped just before the duration is stored
          translationSamples.add(new long[] {now, syncer().lastTranslationNanos()});
          seen = now;
        }
      }
    } catch (InterruptedException e) {
      // done
    }
  }

  /** Routes present in their Gateway's published snapshot, over all Gateways. */
  private int routesInSnapshots() {
    SnapshotCache<Resource> cache = controller.publisher().cache();
    int total = 0;
    for (int g = 0; g < workload.gateways(); g++) {
      int routes = 0;
      for (String name : cache.view(key(g)).resources(XdsResources.TYPE_URL).keySet()) {
        if (name.startsWith("route/")) {
          routes++;
        }
      }
      total += Math.min(routes, workload.routesOf(g));
    }
    return total;
  }

  private GatewayKey key(int g) {
    return new GatewayKey(workload.namespace(g), ScaleWorkload.gatewayName(g));
  }

  /**
   * Objects whose status, as the controller's informers see it, is the converged one: a route
   * accepted by its Gateway, a Gateway counting all its routes.
   */
  private int statusesWritten() {
    ClusterCache cache = syncer().cache();
    int done = 0;
    for (int g = 0; g < workload.gateways(); g++) {
      Gateway gw = cache.get(Gateway.class, workload.namespace(g), ScaleWorkload.gatewayName(g));
      if (gw != null && gatewayConverged(gw.getStatus(), workload.routesOf(g))) {
        done++;
      }
    }
    for (int r = 0; r < workload.routes(); r++) {
      HTTPRoute route =
          cache.get(
              HTTPRoute.class,
              workload.namespace(workload.gatewayOf(r)),
              ScaleWorkload.routeName(r));
      if (route != null
          && route.getStatus() != null
          && routeAccepted(route.getStatus().getParents())) {
        done++;
      }
    }
    return done;
  }

  private static boolean gatewayConverged(GatewayStatus status, int routes) {
    return status != null
        && accepted(status.getConditions())
        && status.getListeners() != null
        && status.getListeners().size() == 1
        && status.getListeners().get(0).getAttachedRoutes() == routes;
  }

  private boolean routeAccepted(List<RouteParentStatus> parents) {
    return parents != null
        && parents.stream()
            .anyMatch(
                p -> controllerName.equals(p.getControllerName()) && accepted(p.getConditions()));
  }

  private static boolean accepted(List<Condition> conditions) {
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Accepted".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Reads every Gateway and HTTPRoute back from the API server once: one list each. */
  private String verifyViaApi() {
    long start = System.nanoTime();
    List<HTTPRoute> routes = client.resources(HTTPRoute.class).inAnyNamespace().list().getItems();
    List<Gateway> gateways = client.resources(Gateway.class).inAnyNamespace().list().getItems();
    long took = System.nanoTime() - start;
    long routesOk =
        routes.stream()
            .filter(r -> r.getStatus() != null && routeAccepted(r.getStatus().getParents()))
            .count();
    long gatewaysOk =
        gateways.stream()
            .filter(
                g ->
                    gatewayConverged(
                        g.getStatus(),
                        workload.routesOf(
                            Integer.parseInt(g.getMetadata().getName().substring(3)))))
            .count();
    return String.format(
        "%d/%d HTTPRoutes accepted, %d/%d Gateways with all routes attached (listing both took %.0f ms)",
        routesOk, workload.routes(), gatewaysOk, workload.gateways(), ms(took));
  }

  private record PureCost(double translateMs, double publishFreshMs, double publishSameMs) {}

  /** The translation and publish alone, on the converged inputs, without the API server. */
  private PureCost pureCost() {
    ClusterCache cache = syncer().cache();
    List<Gateway> gateways = cache.list(Gateway.class);
    Map<GatewayKey, Infrastructure> infra = new HashMap<>();
    for (Gateway g : gateways) {
      // Status content does not change translation's cost; pending is as good as provisioned.
      infra.put(
          new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName()),
          Infrastructure.PENDING);
    }
    Inputs inputs =
        new Inputs(
            controllerName,
            cache.list(GatewayClass.class),
            gateways,
            List.of(),
            cache.list(HTTPRoute.class),
            cache.list(GRPCRoute.class),
            cache.list(ReferenceGrant.class),
            cache.list(Service.class),
            cache.list(AgentgatewayBackend.class),
            cache.list(EndpointSlice.class),
            cache.list(Namespace.class),
            infra,
            false);
    int reps = 5;
    List<Long> translate = new ArrayList<>();
    List<Long> fresh = new ArrayList<>();
    List<Long> same = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      Translation t = Translator.translate(inputs);
      long t1 = System.nanoTime();
      translate.add(t1 - t0);
      try (XdsPublisher publisher = new XdsPublisher(Duration.ZERO)) {
        long p0 = System.nanoTime();
        t.resources().forEach(publisher::publish);
        long p1 = System.nanoTime();
        t.resources().forEach(publisher::publish);
        long p2 = System.nanoTime();
        fresh.add(p1 - p0);
        same.add(p2 - p1);
      }
    }
    return new PureCost(ms(median(translate)), ms(median(fresh)), ms(median(same)));
  }

  /** Edits one route's path; the time until the new version is in its Gateway's snapshot. */
  private double changeRoute(int r, String tag, String what) throws Exception {
    int g = workload.gatewayOf(r);
    String xdsName = workload.xdsRouteName(r);
    SnapshotCache<Resource> cache = controller.publisher().cache();
    VersionedResource<Resource> before =
        cache.view(key(g)).resources(XdsResources.TYPE_URL).get(xdsName);
    if (before == null) {
      throw new IllegalStateException(xdsName + " is not in the snapshot");
    }
    String path = "/changed/" + tag + ScaleWorkload.pathOf(r);
    long t0 = System.nanoTime();
    client
        .resources(HTTPRoute.class)
        .inNamespace(workload.namespace(g))
        .withName(ScaleWorkload.routeName(r))
        .edit(
            route -> {
              route.getSpec().getRules().get(0).getMatches().get(0).getPath().setValue(path);
              return route;
            });
    long edited = System.nanoTime();
    awaitTrue(
        "route change in the snapshot",
        CHANGE_TIMEOUT,
        () -> {
          VersionedResource<Resource> now =
              cache.view(key(g)).resources(XdsResources.TYPE_URL).get(xdsName);
          return now != null
              && !now.version().equals(before.version())
              && now.payload().toString().contains(path);
        });
    long seen = System.nanoTime();
    System.err.printf(
        "  %s: %s edit call %.0f ms, in snapshot after %.0f ms%n",
        what, xdsName, ms(edited - t0), ms(seen - t0));
    return ms(seen - t0);
  }

  private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(1);
    }
  }

  /** With AGW_SCALE_HISTOGRAM=1, prints the top of the live-object class histogram. */
  private static void histogram(String when) throws Exception {
    if (!"1".equals(System.getenv("AGW_SCALE_HISTOGRAM"))) {
      return;
    }
    String out =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    System.err.println("class histogram, " + when + ":");
    out.lines().limit(28).forEach(System.err::println);
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String loadAverage() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static long sum(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
