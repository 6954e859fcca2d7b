package dev.agentgateway.control.xds.cache;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of resources, grouped by type URL and keyed by resource name, with a version for
 * the whole set. Maps iterate in name order so deltas are deterministic.
 */
public record Snapshot<T>(
    String version, Map<String, Map<String, VersionedResource<T>>> resources) {

  /** Copies the maps (sorted, unmodifiable) and checks every key equals its resource's name. */
  public Snapshot {
    Objects.requireNonNull(version, "version");
    Map<String, Map<String, VersionedResource<T>>> copy = new TreeMap<>();
    resources.forEach(
        (typeUrl, byName) -> {
          Map<String, VersionedResource<T>> names = new TreeMap<>();
          byName.forEach(
              (name, resource) -> {
                if (!name.equals(resource.name())) {
                  throw new IllegalArgumentException(
                      "snapshot "
                          + typeUrl
                          + " key '"
                          + name
                          + "' holds resource '"
                          + resource.name()
                          + "'");
                }
                names.put(name, resource);
              });
          if (!names.isEmpty()) {
            copy.put(typeUrl, Collections.unmodifiableMap(names));
          }
        });
    resources = Collections.unmodifiableMap(copy);
  }

  /** A snapshot with no resources. */
  public static <T> Snapshot<T> empty() {
    return new Snapshot<>("empty", Map.of());
  }

  /** Starts a snapshot whose resources are versioned by {@code versioner}. */
  public static <T> Builder<T> builder(Versioner<? super T> versioner) {
    return new Builder<>(versioner);
  }

  /** The resources of one type URL by name; empty when the type has none. */
  public Map<String, VersionedResource<T>> resources(String typeUrl) {
    return resources.getOrDefault(typeUrl, Map.of());
  }

  /** The type URLs that have at least one resource. */
  public Set<String> typeUrls() {
    return resources.keySet();
  }

  /** Builds a snapshot whose version is a hash of every (type URL, name, version). */
  public static final class Builder<T> {
    private final Versioner<? super T> versioner;
    private final Map<String, Map<String, VersionedResource<T>>> resources = new LinkedHashMap<>();

    private Builder(Versioner<? super T> versioner) {
      this.versioner = Objects.requireNonNull(versioner, "versioner");
    }

    /** Adds or replaces the resource {@code name} of {@code typeUrl}. */
    public Builder<T> add(String typeUrl, String name, T payload) {
      return add(typeUrl, VersionedResource.of(name, payload, versioner));
    }

    /** Adds or replaces an already versioned resource. */
    public Builder<T> add(String typeUrl, VersionedResource<T> resource) {
      resources.computeIfAbsent(typeUrl, t -> new LinkedHashMap<>()).put(resource.name(), resource);
      return this;
    }

    /**
     * The snapshot; its version changes exactly when some resource is added, removed or changed.
     */
    public Snapshot<T> build() {
      Snapshot<T> unversioned = new Snapshot<>("", resources);
      StringBuilder manifest = new StringBuilder();
      unversioned
          .resources()
          .forEach(
              (typeUrl, byName) ->
                  byName
                      .values()
                      .forEach(
                          r ->
                              manifest
                                  .append(typeUrl)
                                  .append('\n')
                                  .append(r.name())
                                  .append('\n')
                                  .append(r.version())
                                  .append('\n')));
      String version =
          Versioner.<String>sha256(s -> s.getBytes(StandardCharsets.UTF_8))
              .version(manifest.toString());
      return new Snapshot<>(version, unversioned.resources());
    }
  }
}
