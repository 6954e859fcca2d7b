package dev.agentgateway.control.xds.server;

import com.google.protobuf.Message;
import dev.agentgateway.control.xds.cache.Debouncer;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.cache.Snapshot;
import dev.agentgateway.control.xds.cache.SnapshotCache;
import dev.agentgateway.control.xds.cache.VersionedResource;
import dev.agentgateway.control.xds.cache.Versioner;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.xds.IrToProto;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.proto.Resource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sets a Gateway's IR into the snapshot cache the xDS server serves: converts it to protos, names
 * and versions each resource by content, and coalesces bursts per Gateway over a debounce window.
 */
public final class XdsPublisher implements AutoCloseable {

  /** The default debounce window. */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(100);

  private static final Versioner<Message> VERSIONER = Versioner.sha256(Message::toByteArray);

  /** What was published last for a Gateway and when, to measure push latency. */
  record Published(String snapshotVersion, long publishedNanos) {}

  private record Pending(List<Object> resources, long publishedNanos) {}

  private final SnapshotCache<Resource> cache =
      new SnapshotCache<>(Executors.newVirtualThreadPerTaskExecutor());
  private final Map<GatewayKey, Published> published = new ConcurrentHashMap<>();
  private final Map<GatewayKey, Map<Object, VersionedResource<Resource>>> converted =
      new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final Debouncer<GatewayKey, Pending> debouncer;

  /** A publisher with the default debounce window. */
  public XdsPublisher() {
    this(DEFAULT_DEBOUNCE);
  }

  /** A publisher that applies at most one update per Gateway per {@code debounce}; 0 = at once. */
  public XdsPublisher(Duration debounce) {
    Objects.requireNonNull(debounce, "debounce");
    if (debounce.isZero()) {
      scheduler = null;
      debouncer = null;
    } else {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("xds-debounce").daemon().factory());
      debouncer = new Debouncer<>(debounce, Debouncer.Scheduler.of(scheduler), this::apply);
    }
  }

  /**
   * Publishes the full configuration of one Gateway: IR {@link Bind}, {@link Listener}, {@link
   * Route}, {@link Backend}, {@link Policy} and {@link ServiceEndpoints} values; later values
   * replace earlier ones of the same xDS name.
   *
   * @throws IllegalArgumentException naming the first value that is not one of those types
   */
  public void publish(GatewayKey gateway, List<?> resources) {
    Objects.requireNonNull(gateway, "gateway");
    List<Object> copy = List.copyOf(resources);
    for (int i = 0; i < copy.size(); i++) {
      Object value = copy.get(i);
      if (!XdsResources.isResource(value)) {
        throw new IllegalArgumentException(
            "resources["
                + i
                + "]: "
                + value.getClass().getName()
                + " is not an IR bind, listener, route, backend, policy or service endpoints");
      }
    }
    Pending pending = new Pending(copy, System.nanoTime());
    if (debouncer == null) {
      apply(gateway, pending);
    } else {
      debouncer.submit(gateway, pending);
    }
  }

  /**
   * Drops a Gateway that no longer exists (or is no longer ours): its proxies keep their streams
   * and see its resources removed. A pending debounced update for it is superseded.
   */
  public void remove(GatewayKey gateway) {
    Objects.requireNonNull(gateway, "gateway");
    publish(gateway, List.of());
  }

  /** The cache the xDS server watches. */
  public SnapshotCache<Resource> cache() {
    return cache;
  }

  /** Stops the debounce timer; pending updates are dropped. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** The last snapshot applied for a Gateway and when it was published; null when none. */
  Published published(GatewayKey gateway) {
    return published.get(gateway);
  }

  private void apply(GatewayKey gateway, Pending pending) {
    // IR values are records with value equality: an unchanged value reuses last publish's proto
    // and version, so a one-route change converts and hashes one route, not the whole Gateway.
    Map<Object, VersionedResource<Resource>> previous = converted.getOrDefault(gateway, Map.of());
    Map<Object, VersionedResource<Resource>> next = new HashMap<>();
    Snapshot.Builder<Resource> builder = Snapshot.builder(VERSIONER);
    for (Object value : pending.resources()) {
      VersionedResource<Resource> resource = previous.get(value);
      if (resource == null) {
        resource =
            VersionedResource.of(
                XdsResources.nameOf(value), IrToProto.resourceOf(value), VERSIONER);
      }
      next.put(value, resource);
      builder.add(XdsResources.TYPE_URL, resource);
    }
    Snapshot<Resource> snapshot = builder.build();
    if (next.isEmpty()) {
      converted.remove(gateway);
    } else {
      converted.put(gateway, next);
    }
    published.put(gateway, new Published(snapshot.version(), pending.publishedNanos()));
    cache.setSnapshot(gateway, snapshot);
  }
}
