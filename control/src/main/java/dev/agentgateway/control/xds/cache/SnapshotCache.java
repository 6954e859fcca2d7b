package dev.agentgateway.control.xds.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Holds one snapshot per Gateway plus a global snapshot every Gateway receives, and notifies
 * watches with deltas. A Gateway's view is its own resources over the global ones: on a name clash
 * within a type URL the per-Gateway resource wins, so a Gateway can shadow a shared resource.
 *
 * <p>Knows nothing of gRPC: the xDS server opens a watch per subscribed type and turns deltas into
 * responses; ACK and NACK stay with the server. Callbacks never run under the cache lock; they run
 * on the executor given to the constructor (a virtual-thread executor keeps one slow consumer from
 * delaying any other; the default runs them on the updating thread).
 */
public final class SnapshotCache<T> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Executor executor;
  private final Map<GatewayKey, Snapshot<T>> gateways = new HashMap<>();
  private final Map<GatewayKey, Set<Watch<T>>> watches = new HashMap<>();
  private Snapshot<T> global = Snapshot.empty();
  private long generation;

  /** A cache that runs callbacks on the thread that changes it. */
  public SnapshotCache() {
    this(Runnable::run);
  }

  /** A cache that runs callbacks on {@code executor}; each watch's callbacks still run in order. */
  public SnapshotCache(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Replaces one Gateway's snapshot and notifies its watches. */
  public void setSnapshot(GatewayKey gateway, Snapshot<T> snapshot) {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(snapshot, "snapshot");
    update(() -> gateways.put(gateway, snapshot), Set.of(gateway));
  }

  /** Drops one Gateway's snapshot; its watches stay open and then see only global resources. */
  public void clearSnapshot(GatewayKey gateway) {
    Objects.requireNonNull(gateway, "gateway");
    update(() -> gateways.remove(gateway), Set.of(gateway));
  }

  /** Replaces the resources every Gateway receives and notifies every watch. */
  public void setGlobal(Snapshot<T> snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    update(() -> global = snapshot, null);
  }

  /** The merged view of one Gateway: its own resources over the global ones. */
  public Snapshot<T> view(GatewayKey gateway) {
    lock.lock();
    try {
      return viewLocked(gateway);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Watches one Gateway and type URL. Emits at once the delta between {@code knownVersions} (name
   * to version the subscriber already has, e.g. xDS {@code initial_resource_versions}) and the
   * current view, unless empty, then a delta on every change against what this watch last emitted.
   */
  public Watch<T> watch(
      GatewayKey gateway,
      String typeUrl,
      Map<String, String> knownVersions,
      Consumer<Delta<T>> onChange) {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(typeUrl, "typeUrl");
    Objects.requireNonNull(onChange, "onChange");
    Watch<T> watch = new Watch<>(gateway, typeUrl, knownVersions, onChange, executor, this::remove);
    long current;
    Snapshot<T> view;
    lock.lock();
    try {
      watches.computeIfAbsent(gateway, g -> new LinkedHashSet<>()).add(watch);
      current = generation;
      view = viewLocked(gateway);
    } finally {
      lock.unlock();
    }
    watch.offer(current, view.resources(typeUrl), view.version());
    return watch;
  }

  private void update(Runnable change, Set<GatewayKey> affected) {
    record Offer<T>(Watch<T> watch, Snapshot<T> view) {}
    List<Offer<T>> offers = new ArrayList<>();
    long current;
    lock.lock();
    try {
      change.run();
      current = ++generation;
      for (GatewayKey gateway : affected == null ? watches.keySet() : affected) {
        Set<Watch<T>> open = watches.getOrDefault(gateway, Set.of());
        if (!open.isEmpty()) {
          Snapshot<T> view = viewLocked(gateway);
          open.forEach(w -> offers.add(new Offer<>(w, view)));
        }
      }
    } finally {
      lock.unlock();
    }
    for (Offer<T> offer : offers) {
      offer
          .watch()
          .offer(current, offer.view().resources(offer.watch().typeUrl()), offer.view().version());
    }
  }

  private Snapshot<T> viewLocked(GatewayKey gateway) {
    Snapshot<T> own = gateways.get(gateway);
    if (own == null) {
      return global;
    }
    Map<String, Map<String, VersionedResource<T>>> merged = new TreeMap<>();
    global.resources().forEach((typeUrl, byName) -> merged.put(typeUrl, new TreeMap<>(byName)));
    own.resources()
        .forEach(
            (typeUrl, byName) ->
                merged.computeIfAbsent(typeUrl, t -> new TreeMap<>()).putAll(byName));
    return new Snapshot<>(own.version() + "+" + global.version(), merged);
  }

  private void remove(Watch<T> watch) {
    lock.lock();
    try {
      Set<Watch<T>> open = watches.get(watch.gateway());
      if (open != null && open.remove(watch) && open.isEmpty()) {
        watches.remove(watch.gateway());
      }
    } finally {
      lock.unlock();
    }
  }
}
