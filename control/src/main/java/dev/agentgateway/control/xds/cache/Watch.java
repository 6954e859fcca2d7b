package dev.agentgateway.control.xds.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One subscriber's interest in one Gateway and type URL. It remembers the versions it last emitted
 * and sends only the difference to the newest view; while its consumer is busy, newer views replace
 * older ones, so a slow consumer gets one combined delta instead of a queue.
 */
public final class Watch<T> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Watch.class.getName());

  private final ReentrantLock lock = new ReentrantLock();
  private final GatewayKey gateway;
  private final String typeUrl;
  private final Consumer<Delta<T>> onChange;
  private final Executor executor;
  private final Consumer<Watch<T>> onClose;
  private Map<String, String> sent;
  private Map<String, VersionedResource<T>> target = Map.of();
  private String targetVersion = "";
  private long targetGeneration = -1;
  private long sentGeneration = -1;
  private boolean draining;
  private boolean closed;

  Watch(
      GatewayKey gateway,
      String typeUrl,
      Map<String, String> knownVersions,
      Consumer<Delta<T>> onChange,
      Executor executor,
      Consumer<Watch<T>> onClose) {
    this.gateway = gateway;
    this.typeUrl = typeUrl;
    this.sent = new HashMap<>(knownVersions);
    this.onChange = onChange;
    this.executor = executor;
    this.onClose = onClose;
  }

  /** The Gateway this watch follows. */
  public GatewayKey gateway() {
    return gateway;
  }

  /** The type URL this watch follows. */
  public String typeUrl() {
    return typeUrl;
  }

  /**
   * Stops notifications; idempotent. A callback already running when this is called may finish, but
   * no new one starts.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.unlock();
    }
    onClose.accept(this);
  }

  /** Offers a newer view; views older than one already offered are ignored. */
  void offer(long generation, Map<String, VersionedResource<T>> view, String version) {
    lock.lock();
    try {
      if (closed || generation <= targetGeneration) {
        return;
      }
      target = view;
      targetVersion = version;
      targetGeneration = generation;
      if (draining) {
        return;
      }
      draining = true;
    } finally {
      lock.unlock();
    }
    try {
      executor.execute(this::drain);
    } catch (RuntimeException e) {
      stopDraining();
      throw e;
    }
  }

  private void drain() {
    while (true) {
      Delta<T> delta;
      lock.lock();
      try {
        delta = closed ? null : nextDelta();
        if (delta == null) {
          draining = false;
          return;
        }
      } finally {
        lock.unlock();
      }
      try {
        onChange.accept(delta);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "xDS watch consumer for " + gateway + " " + typeUrl + " failed: " + e);
      }
    }
  }

  /** The delta from what was sent to the target, recorded as sent; null when there is none. */
  private Delta<T> nextDelta() {
    if (sentGeneration == targetGeneration) {
      return null; // already sent (the drain loop asks once more after every send)
    }
    sentGeneration = targetGeneration;
    List<VersionedResource<T>> updated = new ArrayList<>();
    int matched = 0;
    for (VersionedResource<T> resource : target.values()) {
      String version = sent.get(resource.name());
      if (version != null) {
        matched++;
      }
      if (!resource.version().equals(version)) {
        updated.add(resource);
      }
    }
    List<String> removed = new ArrayList<>();
    // Every sent name still in the target means nothing was removed: skip the second scan.
    if (matched != sent.size()) {
      for (String name : sent.keySet()) {
        if (!target.containsKey(name)) {
          removed.add(name);
        }
      }
    }
    if (updated.isEmpty() && removed.isEmpty()) {
      return null;
    }
    removed.sort(null);
    removed.forEach(sent::remove);
    updated.forEach(r -> sent.put(r.name(), r.version()));
    return new Delta<>(typeUrl, updated, removed, targetVersion);
  }

  private void stopDraining() {
    lock.lock();
    try {
      draining = false;
    } finally {
      lock.unlock();
    }
  }
}
