package dev.agentgateway.control.xds.cache;

import java.util.List;
import java.util.Objects;

/**
 * What one watch must send for one type URL: resources added or changed since its last delta and
 * names removed. {@code systemVersion} names the view it was computed from (informational).
 */
public record Delta<T>(
    String typeUrl,
    List<VersionedResource<T>> updated,
    List<String> removed,
    String systemVersion) {

  /** Copies both lists. */
  public Delta {
    Objects.requireNonNull(typeUrl, "typeUrl");
    Objects.requireNonNull(systemVersion, "systemVersion");
    updated = List.copyOf(updated);
    removed = List.copyOf(removed);
  }

  /** True when there is nothing to send. */
  public boolean isEmpty() {
    return updated.isEmpty() && removed.isEmpty();
  }
}
