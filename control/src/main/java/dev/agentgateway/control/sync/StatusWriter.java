package dev.agentgateway.control.sync;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.gatewayapi.ListenerSetStatus;
import dev.agentgateway.control.status.StatusMerge;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.translate.Translation;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.AgentgatewayBackendStatus;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.crds.policy.AgentgatewayPolicyStatus;
import dev.agentgateway.crds.policy.Ancestor;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes a translation's statuses, each only when it differs from what the object already has, so
 * an unchanged world costs no API calls. A failed write is logged and retried by the next
 * translation; it never stops the others.
 */
final class StatusWriter {
  private static final System.Logger LOG = System.getLogger(StatusWriter.class.getName());

  private final KubernetesClient client;
  private final ClusterCache cache;
  private final String controllerName;
  private final LongAdder writes = new LongAdder();
  private final Runnable onConflict;
  private final Map<String, Object> written = new ConcurrentHashMap<>();
  private final Set<String> pendingWrites = new HashSet<>(); // writer thread only
  private static final int CONCURRENT_WRITES = 8;
  private final AtomicReference<Translation> pending = new AtomicReference<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final List<Runnable> batch = new ArrayList<>();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("status-writer").factory());
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

  StatusWriter(
      KubernetesClient client, ClusterCache cache, String controllerName, Runnable onConflict) {
    this.onConflict = onConflict;
    this.client = client;
    this.cache = cache;
    this.controllerName = controllerName;
  }

  long writes() {
    return writes.sum();
  }

  /**
   * Writes {@code t}'s statuses off the caller's thread: translation and xDS pushes never wait for
   * the API server. Translations submitted while a batch runs coalesce into the latest.
   */
  void submit(Translation t) {
    pending.set(t);
    if (draining.compareAndSet(false, true)) {
      writer.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Translation t = pending.getAndSet(null);
      if (t == null) {
        draining.set(false);
        // A submit between getAndSet and set(false) found draining true: pick it up.
        if (pending.get() == null || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      batch.clear();
      collect(t);
      runBatch();
    }
  }

  /** Runs the batch's writes a few at a time; the rest are skipped once a newer one is pending. */
  private void runBatch() {
    Semaphore inFlight = new Semaphore(CONCURRENT_WRITES);
    List<Future<?>> running = new ArrayList<>();
    try {
      // A batch runs to its end even when a newer translation is pending: aborting would starve
      // status under a steady stream of changes; the newer batch then writes only what differs.
      for (Runnable write : batch) {
        inFlight.acquire();
        running.add(
            requests.submit(
                () -> {
                  try {
                    write.run();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "status write failed: " + e.getCause());
    }
  }

  /** Stops writing; writes in flight may finish. */
  void close() {
    writer.shutdownNow();
    requests.shutdownNow();
  }

  private void collect(Translation t) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    t.gatewayClasses().forEach((name, status) -> gatewayClass(name, status, now));
    t.gateways().forEach((key, status) -> gateway(key, status, now));
    t.httpRoutes().forEach((key, parents) -> httpRoute(key, parents, now));
    t.grpcRoutes().forEach((key, parents) -> grpcRoute(key, parents, now));
    t.backends().forEach((key, status) -> backend(key, status, now));
    t.listenerSets().forEach((key, status) -> listenerSet(key, status, now));
    t.policies().forEach((key, ancestors) -> policy(key, ancestors, now));
    // Forget what was written for objects whose status now matches the cache or that are gone.
    written.keySet().retainAll(pendingWrites);
    pendingWrites.clear();
  }

  private void listenerSet(ObjectKey key, ListenerSetStatus desired, String now) {
    ListenerSet current = cache.get(ListenerSet.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    ListenerSetStatus old = current.getStatus();
    Map<String, ListenerStatus> oldListeners = new HashMap<>();
    if (old != null && old.listeners() != null) {
      old.listeners().forEach(l -> oldListeners.putIfAbsent(l.getName(), l));
    }
    List<ListenerStatus> listeners =
        desired.listeners().stream()
            .map(
                l -> {
                  ListenerStatus was = oldListeners.get(l.getName());
                  return new ListenerStatusBuilder(l)
                      .withConditions(
                          StatusMerge.conditions(
                              was == null ? null : was.getConditions(), l.getConditions(), now))
                      .build();
                })
            .toList();
    ListenerSetStatus next =
        new ListenerSetStatus(
            StatusMerge.conditions(
                old == null ? null : old.conditions(), desired.conditions(), now),
            listeners);
    if (!next.equals(old)) {
      update(
          "ListenerSet " + key,
          next,
          () -> patchStatus(ListenerSet.class, current, l -> l.setStatus(next)));
    }
  }

  private void backend(ObjectKey key, List<Condition> desired, String now) {
    AgentgatewayBackend current = cache.get(AgentgatewayBackend.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    // Our CRD types carry their own Condition record; merge as fabric8 conditions, as for the rest.
    KubernetesSerialization json = client.getKubernetesSerialization();
    AgentgatewayBackendStatus old = current.getStatus();
    List<Condition> oldConditions =
        old == null || old.conditions() == null
            ? null
            : old.conditions().stream().map(c -> json.convertValue(c, Condition.class)).toList();
    AgentgatewayBackendStatus next =
        new AgentgatewayBackendStatus(
            StatusMerge.conditions(oldConditions, desired, now).stream()
                .map(c -> json.convertValue(c, dev.agentgateway.crds.common.Condition.class))
                .toList());
    if (!next.equals(old)) {
      update(
          "AgentgatewayBackend " + key,
          next,
          () -> patchStatus(AgentgatewayBackend.class, current, b -> b.setStatus(next)));
    }
  }

  private void policy(ObjectKey key, List<PolicyAncestorStatus> desired, String now) {
    AgentgatewayPolicy current = cache.get(AgentgatewayPolicy.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    // Our CRD types carry their own ancestor records; merge as fabric8's, as for the routes.
    KubernetesSerialization json = client.getKubernetesSerialization();
    AgentgatewayPolicyStatus old = current.getStatus();
    List<PolicyAncestorStatus> oldAncestors =
        old == null || old.ancestors() == null
            ? null
            : old.ancestors().stream()
                .map(a -> json.convertValue(a, PolicyAncestorStatus.class))
                .toList();
    AgentgatewayPolicyStatus next =
        new AgentgatewayPolicyStatus(
            StatusMerge.policyAncestors(oldAncestors, desired, controllerName, now).stream()
                .map(a -> json.convertValue(a, Ancestor.class))
                .toList());
    if (!next.equals(old)) {
      update(
          "AgentgatewayPolicy " + key,
          next,
          () -> patchStatus(AgentgatewayPolicy.class, current, p -> p.setStatus(next)));
    }
  }

  private void gatewayClass(String name, GatewayClassStatus desired, String now) {
    GatewayClass current = cache.get(GatewayClass.class, null, name);
    if (current == null) {
      return;
    }
    GatewayClassStatus old = current.getStatus();
    GatewayClassStatus next =
        new GatewayClassStatusBuilder(desired)
            .withConditions(
                StatusMerge.conditions(
                    old == null ? null : old.getConditions(), desired.getConditions(), now))
            .build();
    if (!next.equals(old)) {
      update(
          "GatewayClass " + name,
          next,
          () -> patchStatus(GatewayClass.class, current, c -> c.setStatus(next)));
    }
  }

  private void gateway(GatewayKey key, GatewayStatus desired, String now) {
    Gateway current = cache.get(Gateway.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    GatewayStatus next = StatusMerge.gateway(current.getStatus(), desired, now);
    if (!next.equals(current.getStatus())) {
      update(
          "Gateway " + key,
          next,
          () -> patchStatus(Gateway.class, current, g -> g.setStatus(next)));
    }
  }

  private void httpRoute(ObjectKey key, List<RouteParentStatus> parents, String now) {
    HTTPRoute current = cache.get(HTTPRoute.class, key.namespace(), key.name());
    if (current != null) {
      route(
          HTTPRoute.class,
          current,
          key,
          current.getStatus() == null ? null : current.getStatus().getParents(),
          parents,
          now,
          (r, next) -> r.setStatus(new HTTPRouteStatus(next)));
    }
  }

  private void grpcRoute(ObjectKey key, List<RouteParentStatus> parents, String now) {
    GRPCRoute current = cache.get(GRPCRoute.class, key.namespace(), key.name());
    if (current != null) {
      route(
          GRPCRoute.class,
          current,
          key,
          current.getStatus() == null ? null : current.getStatus().getParents(),
          parents,
          now,
          (r, next) -> r.setStatus(new GRPCRouteStatus(next)));
    }
  }

  /** Writes a route's parents when they differ from {@code old}, keeping others' entries. */
  private <R extends HasMetadata> void route(
      Class<R> type,
      R current,
      ObjectKey key,
      List<RouteParentStatus> old,
      List<RouteParentStatus> ours,
      String now,
      BiConsumer<R, List<RouteParentStatus>> setStatus) {
    List<RouteParentStatus> next = StatusMerge.routeParents(old, ours, controllerName, now);
    if (!next.equals(old)) {
      update(
          type.getSimpleName() + " " + key,
          next,
          () -> patchStatus(type, current, r -> setStatus.accept(r, next)));
    }
  }

  private void update(String what, Object next, Runnable write) {
    pendingWrites.add(what);
    // The informer cache lags our own writes: never send the same status twice in a row.
    if (next.equals(written.get(what))) {
      return;
    }
    batch.add(
        () -> {
          try {
            write.run();
            written.put(what, next);
            writes.increment();
          } catch (KubernetesClientException e) {
            LOG.log(
                System.Logger.Level.WARNING,
                "cannot write status of " + what + ": " + e.getCode() + " " + e.getMessage());
          }
        });
  }

  /**
   * One PUT of the status subresource on a copy of the cached object (never the cache's own), so no
   * GET first; a conflict means the cache was behind, and a retranslation writes again.
   */
  private <R extends HasMetadata> void patchStatus(Class<R> type, R current, Consumer<R> status) {
    R copy = client.getKubernetesSerialization().clone(current);
    status.accept(copy);
    try {
      client.resource(copy).updateStatus();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        onConflict.run();
      }
      throw e;
    }
  }
}
