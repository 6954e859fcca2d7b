package dev.agentgateway.control.xds.cache;

import java.util.Objects;

/**
 * One named resource with the version of its content; equal content must give equal versions (see
 * {@link Versioner}) so a restart or an unchanged re-translation sends nothing.
 */
public record VersionedResource<T>(String name, String version, T payload) {

  /** Requires all three parts; name and version must not be blank. */
  public VersionedResource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(payload, "payload");
    if (name.isBlank() || version.isBlank()) {
      throw new IllegalArgumentException("resource name and version must not be blank");
    }
  }

  /** Wraps a payload, versioning it by its content. */
  public static <T> VersionedResource<T> of(
      String name, T payload, Versioner<? super T> versioner) {
    return new VersionedResource<>(name, versioner.version(payload), payload);
  }
}
