package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code apiKey}: requests authenticated by a key from a fixed list; the accepted key's metadata
 * becomes {@code apiKey.*} for later policies.
 *
 * @param mode whether a key is required and what an unknown one does
 * @param keys the accepted keys, at least one
 * @param location where the request carries its key
 */
public record ApiKeyAuthPolicy(Mode mode, List<Key> keys, CredentialLocation location) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ApiKeyAuthPolicy {
    Objects.requireNonNull(mode, "mode");
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("apiKey needs at least one key");
    }
    Objects.requireNonNull(location, "location");
  }

  /** Upstream's modes; {@code optional} is its default. */
  public enum Mode {
    /** A valid key is required. */
    STRICT,
    /** A key is checked when present; none passes. */
    OPTIONAL,
    /** Never refuses; a valid key still gives its metadata. */
    PERMISSIVE
  }

  /**
   * One accepted key, given as its value or as the SHA-256 of its value.
   *
   * @param value the key itself, or null when {@code sha256} is set
   * @param sha256 the key's SHA-256 as 64 lower-case hex digits, or null when {@code value} is set
   * @param metadataJson what the key stands for (a JSON value, usually an object), or null
   */
  public record Key(Secret value, String sha256, String metadataJson) {
    public Key {
      if ((value == null) == (sha256 == null)) {
        throw new IllegalArgumentException("an API key needs exactly one of key and keyHash");
      }
      if (sha256 != null && !SHA256_HEX.matcher(sha256).matches()) {
        throw new IllegalArgumentException("an API key hash must be 64 lower-case hex digits");
      }
    }
  }
}
